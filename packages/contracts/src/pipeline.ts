import { z } from 'zod';

/**
 * The candidate pipeline of one assessment: invitations (one by one or from a CSV), their management
 * (resend, extend, revoke), the dashboard of every invitee's stage, and per-assessment analytics.
 *
 * Invitations made while an assessment is in PILOT are pilot invitations (teammates); while LIVE they are
 * candidate invitations. Draft and closed assessments take no invitations.
 */
export const invitationKind = z.enum(['CANDIDATE', 'PILOT']);
export type InvitationKind = z.infer<typeof invitationKind>;

/** Where an invitee is, in order; REVOKED and EXPIRED (never started before the link's expiry) end a row. */
export const pipelineStage = z.enum(['INVITED', 'STARTED', 'SUBMITTED', 'GRADED', 'REVIEWED', 'FEEDBACK_SENT', 'EXPIRED', 'REVOKED']);
export type PipelineStage = z.infer<typeof pipelineStage>;
/** The stages a successful invitee passes through, for drop-off. */
export const PIPELINE_FLOW: PipelineStage[] = ['INVITED', 'STARTED', 'SUBMITTED', 'GRADED', 'REVIEWED', 'FEEDBACK_SENT'];

export const MAX_ACCOMMODATION_MINUTES = 480;

export const createInvitationRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'is not a valid email address' })),
  accommodationMinutes: z.number().int().min(0).max(MAX_ACCOMMODATION_MINUTES).optional(),
  /** How long the link can be used to start; default 7 days. */
  expiresInDays: z.number().int().min(1).max(60).optional(),
});
export type CreateInvitationRequest = z.infer<typeof createInvitationRequest>;

/** Pushes the link's expiry later and/or gives more time (on an attempt under way, its deadline moves too). */
export const extendInvitationRequest = z
  .object({
    days: z.number().int().min(1).max(60).optional(),
    extraMinutes: z.number().int().min(1).max(MAX_ACCOMMODATION_MINUTES).optional(),
  })
  .refine((b) => b.days !== undefined || b.extraMinutes !== undefined, 'give days, extraMinutes or both');
export type ExtendInvitationRequest = z.infer<typeof extendInvitationRequest>;

const score = z.object({ score: z.number(), maxScore: z.number() });

/** One invitee on the dashboard. Timestamps are null until the stage is reached. */
export const pipelineRow = z.object({
  invitationId: z.uuid(),
  kind: invitationKind,
  /** The pseudonym instead, and email null, while identity is hidden from the viewer (a lead who also reviews). */
  name: z.string(),
  email: z.string().nullable(),
  identityHidden: z.boolean(),
  pseudonym: z.string(),
  accommodationMinutes: z.number().int(),
  stage: pipelineStage,
  /** When the current stage began: "time in state" is now minus this. */
  stageSince: z.iso.datetime(),
  invitedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  sendCount: z.number().int(),
  expiresAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  deadline: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** True when the clock ran out and the platform submitted the last saved state. */
  ranOutOfTime: z.boolean(),
  minutesTaken: z.number().nullable(),
  gradedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  feedbackReleasedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  submissionId: z.uuid().nullable(),
  runtime: z.string().nullable(),
  hiddenTests: score.nullable(),
  visibleTests: score.nullable(),
  /** Mean of the submitted reviews' weighted rubric totals (levels 1-4). */
  rubricScore: z.number().nullable(),
  reviewsSubmitted: z.number().int(),
});
export type PipelineRow = z.infer<typeof pipelineRow>;

/** Query string of the dashboard and its CSV export. */
export const pipelineQuery = z.object({
  stage: pipelineStage.optional(),
  kind: invitationKind.optional(),
  /** Matches name or email, case-insensitive. */
  q: z.string().trim().max(200).optional(),
});
export type PipelineQuery = z.infer<typeof pipelineQuery>;

/** Returned when an invitation is made or resent: the link is shown this once (only its hash is stored). */
export const issuedInvitationView = pipelineRow.extend({ link: z.string() });
export type IssuedInvitationView = z.infer<typeof issuedInvitationView>;

export const csvRowProblem = z.object({ line: z.number().int(), message: z.string() });
export type CsvRowProblem = z.infer<typeof csvRowProblem>;

/** Good rows are imported together (one transaction); each bad row is reported by its line and skipped. */
export const csvImportResult = z.object({
  imported: z.array(issuedInvitationView),
  problems: z.array(csvRowProblem),
});
export type CsvImportResult = z.infer<typeof csvImportResult>;

const bucket = z.object({ label: z.string(), from: z.number(), to: z.number(), count: z.number().int() });

export const assessmentAnalytics = z.object({
  kind: invitationKind,
  /** Invitations not revoked. */
  invited: z.number().int(),
  revoked: z.number().int(),
  expired: z.number().int(),
  /** Submitted / invited, 0..1; null with no invitations. */
  completionRate: z.number().nullable(),
  /** How many reached each stage of PIPELINE_FLOW, and what share of the previous stage was lost. */
  dropOff: z.array(z.object({ stage: pipelineStage, reached: z.number().int(), lostFromPrevious: z.number().int(), lostRate: z.number().nullable() })),
  timeToFeedbackHours: z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }),
  minutesTaken: z.object({ count: z.number().int(), median: z.number().nullable() }),
  /** Hidden-test pass percentage of graded submissions, in 10-point buckets. */
  hiddenTestDistribution: z.array(bucket),
  /** Weighted rubric totals of reviewed submissions, in half-level buckets from 1 to 4. */
  rubricDistribution: z.array(bucket),
});
export type AssessmentAnalytics = z.infer<typeof assessmentAnalytics>;
