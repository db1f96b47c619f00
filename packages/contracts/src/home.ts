import { z } from 'zod';

/**
 * The hiring lead's home: what needs their action now, in the caller's organization only. Candidates are named
 * by pseudonym: the page is a to-do list, and a lead who also reviews must not be unblinded by it.
 */
const submissionRef = z.object({
  submissionId: z.uuid(),
  pseudonym: z.string(),
  assessmentId: z.uuid(),
  assessmentName: z.string(),
  submittedAt: z.iso.datetime(),
});

export const leadHome = z.object({
  /** Submitted reviews fewer than the assessment asks for. `assigned` below `wanted` means a reviewer is missing. */
  waitingForReview: z.array(submissionRef.extend({ assigned: z.number().int(), reviewsIn: z.number().int(), wanted: z.number().int() })),
  /** Assigned reviews not submitted by their due date (assigned at + the assessment's review SLA). */
  overdueReviews: z.array(submissionRef.extend({ reviewerId: z.uuid(), reviewerName: z.string(), dueAt: z.iso.datetime() })),
  /** Every assigned review is in and the feedback is not released yet. */
  feedbackToRelease: z.array(submissionRef.extend({ reviewsIn: z.number().int(), wanted: z.number().int(), feedbackDrafted: z.boolean() })),
  /** Assessments in pilot with pilot submissions to read before launch. */
  pilotsToRead: z.array(z.object({ assessmentId: z.uuid(), assessmentName: z.string(), submissions: z.number().int() })),
  /** The platform failed to grade these (ERROR); "grade again" re-dispatches them. */
  failedGradings: z.array(submissionRef.extend({ runId: z.uuid(), finishedAt: z.iso.datetime().nullable() })),
  /** Open assessments with fewer eligible reviewers than reviewers per submission. */
  reviewerShortfall: z.array(z.object({ assessmentId: z.uuid(), assessmentName: z.string(), wanted: z.number().int(), available: z.number().int() })),
});
export type LeadHome = z.infer<typeof leadHome>;
