import { Injectable, NotFoundException } from '@nestjs/common';
import type { ErasureResult } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { ErasureRepository } from './erasure.repository';


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

  /** `actorId` null: the retention job; otherwise the lead who erased on the candidate's request. */
  async eraseCandidate(organizationId: string, actorId: string | null, invitationId: string, reason: 'request' | 'retention' = 'request'): Promise<ErasureResult> {
    const invitation = await this.repository.find(organizationId, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation.');
    const attemptId = invitation.attempt?.id;
    const submissionId = invitation.attempt?.submission?.id;
    const terms = [invitation.candidateName, invitation.candidateEmail];
    await this.repository.erase(organizationId, { ...invitation, attemptId, submissionId });
    const subjectIds = [invitation.id, attemptId, submissionId].filter((id): id is string => Boolean(id));
    const auditEventsErased = invitation.erasedAt ? 0 : await this.audit.erasePersonalData(organizationId, subjectIds, { terms, actorId });
    const mailsRemoved = invitation.erasedAt ? 0 : await this.mail.forget(terms);
    await this.audit.record(organizationId, actorId, 'candidate.erased', { type: 'Invitation', id: invitation.id }, {
      assessmentId: invitation.assessmentId,
      reason,
      auditEventsErased,
      mailsRemoved,
    });
    return { invitationId: invitation.id, erasedAt: new Date().toISOString(), auditEventsErased, mailsRemoved };
  }
}
