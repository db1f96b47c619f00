import { Injectable } from '@nestjs/common';
import type { AuditEventView } from '@takehome/contracts';
import type { Prisma } from '@takehome/db';
import { AuditRepository } from './audit.repository';

export type AuditAction =
  | 'review.assigned'
  | 'review.submitted'
  | 'feedback.released'
  | 'invitation.created'
  | 'invitation.resent'
  | 'invitation.extended'
  | 'invitation.revoked'
  | 'sso.configured'
  | 'sso.removed'
  | 'auth.sso_refused'
  | 'organization.created'
  | 'member.invited'
  | 'member.invitation_resent'
  | 'member.invitation_revoked'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.deactivated'
  | 'member.reactivated'
  | 'password.reset_requested'
  | 'password.reset'
  | 'password.changed'
  | 'auth.signed_in'
  | 'auth.sign_in_failed';

/**
 * Hiring decisions must be explainable after the fact (who assigned whom, who graded what, who told the
 * candidate), so every such decision is written here in the same request that makes it.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(
    organizationId: string,
    actorId: string | null,
    action: AuditAction,
    subject: { type: string; id: string },
    data: Prisma.InputJsonValue = {},
  ) {
    await this.audit.create({ organizationId, actorId, action, subjectType: subject.type, subjectId: subject.id, data });
  }

  async view(organizationId: string, subjectId?: string): Promise<AuditEventView[]> {
    return (await this.audit.list(organizationId, subjectId)).map((e) => ({
      id: e.id,
      actorId: e.actorId,
      actorName: e.actor?.name ?? null,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      data: (e.data ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
