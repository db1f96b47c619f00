import type { PipelineStage } from '@takehome/contracts';

/**
 * The dashboard's stages are derived from timestamps the platform records anyway, never stored: an invitee's
 * stage is the furthest step reached, and "time in state" counts from that step's timestamp. Shared by the
 * pipeline dashboard, analytics, the pilot report and candidate reports so all four agree.
 */
export interface InvitationFacts {
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  gradedAt: Date | null;
  reviewedAt: Date | null;
  feedbackReleasedAt: Date | null;
}

export function stageOf(f: InvitationFacts, now = new Date()): { stage: PipelineStage; since: Date } {
  if (f.feedbackReleasedAt) return { stage: 'FEEDBACK_SENT', since: f.feedbackReleasedAt };
  if (f.reviewedAt) return { stage: 'REVIEWED', since: f.reviewedAt };
  if (f.gradedAt) return { stage: 'GRADED', since: f.gradedAt };
  if (f.submittedAt) return { stage: 'SUBMITTED', since: f.submittedAt };
  // Revoking an attempt under way stops it; revoking after submission is refused, so submitted rows never get here.
  if (f.revokedAt) return { stage: 'REVOKED', since: f.revokedAt };
  if (f.startedAt) return { stage: 'STARTED', since: f.startedAt };
  if (f.expiresAt.getTime() <= now.getTime()) return { stage: 'EXPIRED', since: f.expiresAt };
  return { stage: 'INVITED', since: f.createdAt };
}

/**
 * Reviewed once every assigned reviewer has submitted (and at least one has): the moment the last one did.
 * Drafts do not count.
 */
export function reviewedAt(assignedReviewerIds: string[], reviews: { reviewerId: string; status: string; submittedAt: Date | null }[]): Date | null {
  const submitted = reviews.filter((r) => r.status === 'SUBMITTED' && r.submittedAt);
  if (submitted.length === 0) return null;
  if (assignedReviewerIds.some((id) => !submitted.some((r) => r.reviewerId === id))) return null;
  return new Date(Math.max(...submitted.map((r) => r.submittedAt!.getTime())));
}

export function minutesBetween(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  return Math.round(((to.getTime() - from.getTime()) / 60_000) * 10) / 10;
}
