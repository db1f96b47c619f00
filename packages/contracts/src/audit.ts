import { z } from 'zod';

/** One recorded decision: who (actor), what (action on a subject), when. */
export const auditEventView = z.object({
  id: z.uuid(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditQuery = z.object({ subjectId: z.uuid().optional() });
export type AuditQuery = z.infer<typeof auditQuery>;
