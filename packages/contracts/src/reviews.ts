import { z } from 'zod';
import { runOutcome, runTest, serviceLogs } from './runs';

export const recommendation = z.enum(['STRONG_YES', 'YES', 'NO', 'STRONG_NO']);
export type Recommendation = z.infer<typeof recommendation>;
export const reviewStatus = z.enum(['DRAFT', 'SUBMITTED']);

/** One row of a reviewer's queue. Only the pseudonym: the queue is reviewer-facing and blind. */
export const reviewQueueItem = z.object({
  submissionId: z.uuid(),
  pseudonym: z.string(),
  assessmentName: z.string(),
  challengeTitle: z.string(),
  submittedAt: z.iso.datetime(),
  waitingSeconds: z.number().int(),
  myReviewStatus: z.enum(['NOT_STARTED', 'DRAFT']),
  /** When my review is due: assigned at plus the assessment's review SLA. */
  assignedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;

export const rubricLevelView = z.object({ score: z.number().int(), label: z.string(), descriptor: z.string() });
export const rubricCriterionView = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  description: z.string(),
  weight: z.number(),
  levels: z.array(rubricLevelView),
});
export type RubricCriterionView = z.infer<typeof rubricCriterionView>;

export const reviewScoreInput = z.object({
  criterionId: z.uuid(),
  level: z.number().int().min(1).max(4).nullable(),
  comment: z.string().max(5000),
});

/** A draft may be partial; submitting the same shape requires every level and a recommendation. */
export const saveReviewRequest = z.object({
  recommendation: recommendation.nullable(),
  summary: z.string().max(10000),
  scores: z.array(reviewScoreInput).max(20),
});
export type SaveReviewRequest = z.infer<typeof saveReviewRequest>;

export const myReviewView = z.object({
  status: reviewStatus,
  recommendation: recommendation.nullable(),
  summary: z.string(),
  scores: z.array(reviewScoreInput),
  submittedAt: z.iso.datetime().nullable(),
});
export type MyReviewView = z.infer<typeof myReviewView>;

export const fileView = z.object({ path: z.string(), content: z.string() });
export type FileView = z.infer<typeof fileView>;

/**
 * Everything a reviewer needs on one page. `candidate.name` stays null while review is blind, and other
 * reviewers' scores are never part of it, so nobody anchors on a colleague's grade.
 */
export const reviewWorkspace = z.object({
  submissionId: z.uuid(),
  blind: z.boolean(),
  candidate: z.object({ pseudonym: z.string(), name: z.string().nullable() }),
  assessmentName: z.string(),
  challengeTitle: z.string(),
  runtime: z.string(),
  timing: z.object({
    startedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime(),
    minutesTaken: z.number().int(),
    limitMinutes: z.number().int(),
  }),
  files: z.array(fileView),
  starterFiles: z.array(fileView),
  run: z
    .object({
      outcome: runOutcome.nullable(),
      score: z.number().nullable(),
      maxScore: z.number().nullable(),
      tests: z.array(runTest),
      logs: z.string().nullable(),
      /** the sidecars' logs beside the candidate's output (challenges with `services:`) */
      serviceLogs: serviceLogs.optional(),
    })
    .nullable(),
  rubric: z.array(rubricCriterionView),
  myReview: myReviewView.nullable(),
});
export type ReviewWorkspace = z.infer<typeof reviewWorkspace>;

export const assignReviewersRequest = z.object({
  // Absent or empty: the queue fills the assessment's reviewersPerSubmission round-robin.
  reviewerIds: z.array(z.uuid()).max(10).optional(),
});
export type AssignReviewersRequest = z.infer<typeof assignReviewersRequest>;

export const reviewerView = z.object({ id: z.uuid(), name: z.string(), role: z.string() });
export type ReviewerView = z.infer<typeof reviewerView>;

/** Hiring-lead view of the review pipeline: who reviews what, and how far along it is. */
export const reviewPipelineItem = z.object({
  submissionId: z.uuid(),
  candidateName: z.string(),
  pseudonym: z.string(),
  assessmentName: z.string(),
  submittedAt: z.iso.datetime(),
  reviewersWanted: z.number().int(),
  assignments: z.array(z.object({ reviewer: reviewerView, status: z.enum(['NOT_STARTED', 'DRAFT', 'SUBMITTED']) })),
});
export type ReviewPipelineItem = z.infer<typeof reviewPipelineItem>;

/** Side-by-side scores for one submission; only submitted reviews count. */
export const reviewAggregate = z.object({
  submissionId: z.uuid(),
  candidateName: z.string(),
  pseudonym: z.string(),
  assignedReviews: z.number().int(),
  submittedReviews: z.number().int(),
  /** The assessment's reviewers per submission: releasing with fewer reviews in asks the lead first. */
  reviewersWanted: z.number().int(),
  reviewers: z.array(
    z.object({
      reviewId: z.uuid(),
      reviewerName: z.string(),
      recommendation: recommendation.nullable(),
      summary: z.string(),
      // Weighted mean level, 1-4, over the rubric's weights.
      weightedTotal: z.number(),
    }),
  ),
  criteria: z.array(
    z.object({
      criterionId: z.uuid(),
      key: z.string(),
      title: z.string(),
      weight: z.number(),
      scores: z.array(z.object({ reviewId: z.uuid(), level: z.number().int(), comment: z.string() })),
      spread: z.number().int(),
      // Reviewers two or more levels apart read the anchors differently: worth a calibration talk.
      needsCalibration: z.boolean(),
    }),
  ),
  weightedSpread: z.number(),
  needsCalibration: z.boolean(),
});
export type ReviewAggregate = z.infer<typeof reviewAggregate>;

export const rubricAgreement = z.object({
  challengeTitle: z.string(),
  challengeVersion: z.number().int(),
  submissions: z.number().int(),
  reviews: z.number().int(),
  // Krippendorff's alpha (interval) over every criterion level; null until two reviews overlap.
  alpha: z.number().nullable(),
});
export type RubricAgreement = z.infer<typeof rubricAgreement>;

export const CALIBRATION_SPREAD = 2;

/**
 * Who reviews an assessment and how long they have. Editable in any status: it changes nothing a candidate
 * sees. An empty reviewer list means every active member with the REVIEWER role.
 */
export const reviewSettings = z.object({
  reviewerIds: z.array(z.uuid()).max(100).refine((ids) => new Set(ids).size === ids.length, 'must not repeat a reviewer'),
  reviewSlaHours: z.number('must be a number').int('must be whole hours').min(1, 'must be at least 1 hour').max(720, 'must be at most 720 hours (30 days)'),
});
export type ReviewSettings = z.infer<typeof reviewSettings>;
