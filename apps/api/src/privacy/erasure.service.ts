import { Injectable, NotFoundException } from '@nestjs/common';
import type { SessionUser } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { ErasureRepository } from './erasure.repository';

export interface ErasureResult {
  invitationId: string;
  erasedAt: string;
  auditEventsErased: number;
  mailsRemoved: number;
}

/**
 * A candidate's right to erasure. Everything that identifies the person goes: name and email (also from audit
 * events, webhook payloads and the local mail folder), code, logs, test outputs, survey comments, reviewers'
 * comments and feedback text. What stays is anonymous: scores, outcomes, times and stages, which analytics and
 * the pilot baseline count. The audit chain still verifies (erasePersonalData clears only erasable fields).
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly repository: ErasureRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async eraseCandidate(user: SessionUser, invitationId: string): Promise<ErasureResult> {
    const organizationId = user.organization.id;
    const invitation = await this.repository.find(organizationId, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation.');
    const attemptId = invitation.attempt?.id;
    const submissionId = invitation.attempt?.submission?.id;
    const terms = [invitation.candidateName, invitation.candidateEmail];
    await this.repository.erase(organizationId, { ...invitation, attemptId, submissionId });
    const subjectIds = [invitation.id, attemptId, submissionId].filter((id): id is string => Boolean(id));
    const auditEventsErased = invitation.erasedAt ? 0 : await this.audit.erasePersonalData(organizationId, subjectIds, { terms, actorId: user.id });
    const mailsRemoved = invitation.erasedAt ? 0 : await this.mail.forget(terms);
    await this.audit.record(organizationId, user.id, 'candidate.erased', { type: 'Invitation', id: invitation.id }, {
      assessmentId: invitation.assessmentId,
      auditEventsErased,
      mailsRemoved,
    });
    return { invitationId: invitation.id, erasedAt: new Date().toISOString(), auditEventsErased, mailsRemoved };
  }
}
