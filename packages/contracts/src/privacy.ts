import { z } from 'zod';

/** An organization's retention of finished candidates' personal data (admin only). */
export const privacySettings = z.object({
  /** Days after a candidate finished (submitted, or the link expired or was revoked); null keeps data until erased on request. */
  candidateRetentionDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullable(),
});
export type PrivacySettings = z.infer<typeof privacySettings>;

/** What one erasure removed. */
export const erasureResult = z.object({
  invitationId: z.uuid(),
  erasedAt: z.iso.datetime(),
  auditEventsErased: z.number().int(),
  mailsRemoved: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResult>;
