import { z } from 'zod';
import { sharedLineComment } from './review-comments';

export const feedbackCriterion = z.object({
  criterionKey: z.string().max(100),
  title: z.string().max(300),
  comment: z.string().max(5000),
});
export type FeedbackCriterion = z.infer<typeof feedbackCriterion>;

export const saveFeedbackRequest = z.object({
  body: z.string().max(20000),
  criteria: z.array(feedbackCriterion).max(20),
});
export type SaveFeedbackRequest = z.infer<typeof saveFeedbackRequest>;

export const feedbackQueueItem = z.object({
  submissionId: z.uuid(),
  candidateName: z.string(),
  assessmentName: z.string(),
  submittedAt: z.iso.datetime(),
  waitingSeconds: z.number().int(),
  assignedReviews: z.number().int(),
  submittedReviews: z.number().int(),
  feedbackStatus: z.enum(['NONE', 'DRAFT']),
});
export type FeedbackQueueItem = z.infer<typeof feedbackQueueItem>;

/**
 * The lead's composer. Reviewer comments come alongside, never pre-filled into the draft: what the
 * candidate reads is only what the lead chose to put there.
 */
export const feedbackComposer = z.object({
  submissionId: z.uuid(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  draft: z
    .object({
      body: z.string(),
      criteria: z.array(feedbackCriterion),
      releasedAt: z.iso.datetime().nullable(),
      emailedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  reviewerComments: z.array(
    z.object({ criterionKey: z.string(), title: z.string(), comments: z.array(z.string()) }),
  ),
  reviewerSummaries: z.array(z.string()),
  /** Line comments reviewers shared with the candidate; they go out with the feedback when it is released. */
  sharedLineComments: z.array(sharedLineComment),
});
export type FeedbackComposer = z.infer<typeof feedbackComposer>;

export const releasedFeedbackView = z.object({
  submissionId: z.uuid(),
  releasedAt: z.iso.datetime(),
  emailedAt: z.iso.datetime().nullable(),
});
export type ReleasedFeedbackView = z.infer<typeof releasedFeedbackView>;
