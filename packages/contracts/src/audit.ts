import { z } from 'zod';

/**
 * The audit trail: every sensitive action, newest first, filterable, exportable as CSV, and hash-chained per
 * organization so an edited or missing row is detected (`GET /api/audit/verify`, `assess audit verify`).
 */

/** Actions with a label, for the filter menu; other modules may record more (any `domain.verb` string). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.signed_out': 'Signed out',
  'candidate.identity_viewed': 'Candidate identity viewed',
  'feedback.released': 'Feedback released',
  'review.assigned': 'Review assigned',
  'review.unassigned': 'Review unassigned',
  'webhook.delivery_retried': 'Webhook delivery retried',
  'submission.regraded': 'Submission graded again',
  'review.submitted': 'Review submitted',
  'invitation.created': 'Invitation created',
  'invitation.resent': 'Invitation resent',
  'invitation.extended': 'Invitation extended',
  'invitation.revoked': 'Invitation revoked',
  'pipeline.exported': 'Pipeline exported',
  'assessment.created': 'Assessment created',
  'assessment.settings_changed': 'Assessment settings changed',
  'assessment.lifecycle_changed': 'Assessment lifecycle changed',
  'challenge.imported': 'Challenge imported',
  'challenge.version_created': 'Challenge version created',
  'challenge.suite_verification_started': 'Suite verification started',
  'webhook.created': 'Webhook created',
  'webhook.deactivated': 'Webhook deactivated',
  'api_key.rotated': 'API key created or rotated',
  'api_key.revoked': 'API key revoked',
  'api_key.used': 'API key used',
  'audit.exported': 'Audit trail exported',
  'audit.personal_data_erased': 'Personal data erased',
  'candidate.erased': 'Candidate erased',
  'candidate.data_exported': 'Candidate downloaded their data',
  'organization.retention_changed': 'Data retention changed',
  'organization.created': 'Organization created',
  'member.invited': 'Member invited',
  'member.invitation_resent': 'Member invitation resent',
  'member.invitation_revoked': 'Member invitation revoked',
  'member.joined': 'Member joined',
  'member.role_changed': 'Member role changed',
  'member.deactivated': 'Member deactivated',
  'member.reactivated': 'Member reactivated',
  'password.reset_requested': 'Password reset requested',
  'password.reset': 'Password reset',
  'password.changed': 'Password changed',
  'sso.configured': 'Single sign-on configured',
  'sso.removed': 'Single sign-on removed',
  'auth.sso_refused': 'Single sign-on refused',
};

/** One recorded action: who (actor), what (action on a subject), whom (resolved), when, from where. */
export const auditEventView = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** The subject as a person reads it: a candidate's name (or pseudonym once erased), an assessment's name. */
  subjectLabel: z.string().nullable(),
  candidateName: z.string().nullable(),
  assessmentName: z.string().nullable(),
  /** The invitee the event is about (its invitation, attempt or submission), to list every event about them. */
  invitationId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** Request metadata; null when recorded outside a request or erased. */
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]*)*$/;
const dateOrDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'must be a date (YYYY-MM-DD) or an ISO date-time' });

/** Filters, shared by the list and the CSV export. All in the query string so a filtered page is a link. */
export const auditFilters = z.object({
  actorId: z.uuid().optional(),
  /** One or several actions, comma-separated; one ending in "." is a prefix (`member.` = every member action). */
  action: z
    .string()
    .trim()
    .max(500)
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => ACTION_PATTERN.test(a)), 'actions look like "feedback.released" or a prefix like "member."')
    .optional(),
  subjectType: z.string().trim().min(1).max(50).optional(),
  subjectId: z.string().trim().min(1).max(100).optional(),
  /** Events about one invitee: the invitation, its attempt and submission. */
  invitationId: z.uuid().optional(),
  /** Events about invitees whose name or email contains this text. */
  candidate: z.string().trim().min(1).max(200).optional(),
  /** From this instant (a date means its start, UTC), inclusive. */
  from: dateOrDateTime.optional(),
  /** Up to this instant, exclusive; a date means the end of that day (UTC). */
  to: dateOrDateTime.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const AUDIT_PAGE_MAX = 200;
export const auditQuery = auditFilters.extend({
  /** Opaque; from a previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditQueryInput = z.input<typeof auditQuery>;

export const auditPage = z.object({
  events: z.array(auditEventView),
  /** Pass as cursor for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const auditChainCheck = z.object({
  checked: z.number().int(),
  ok: z.boolean(),
  broken: z.object({ id: z.string(), sequence: z.number().int(), problem: z.string() }).nullable(),
});
export type AuditChainCheck = z.infer<typeof auditChainCheck>;

/** Team members to pick as actor in the filter. */
export const auditActorView = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type AuditActorView = z.infer<typeof auditActorView>;
