import { z } from 'zod';
import { draftFile } from './candidate-files';
import { challengeService } from './challenge-services';
import { runOutcome, runStatus, runTest, serviceLogs } from './runs';
import { sharedLineComment } from './review-comments';

/** The candidate's cookie: scoped to /api/candidate and to exactly one invitation. */
export const CANDIDATE_SESSION_COOKIE = 'takehome_candidate';

/** Why an invitation link cannot be opened; the page shows a sentence for each. */
export const linkProblem = z.enum(['invalid', 'expired', 'revoked', 'used']);
export type LinkProblem = z.infer<typeof linkProblem>;

export const openInvitationRequest = z.object({ token: z.string().min(10).max(200) });
export type OpenInvitationRequest = z.infer<typeof openInvitationRequest>;

export const candidateAttemptStatus = z.enum(['IN_PROGRESS', 'SUBMITTED', 'EXPIRED_SUBMITTED']);

export const candidateAttempt = z.object({
  status: candidateAttemptStatus,
  runtime: z.string(),
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  // Saves and submits are still accepted this long after the deadline (in flight when time ran out).
  graceSeconds: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  automatic: z.boolean(),
});
export type CandidateAttempt = z.infer<typeof candidateAttempt>;

/** Everything the landing page shows before the clock starts, and the state of the attempt after. */
export const candidateOverview = z.object({
  candidateName: z.string(),
  assessmentName: z.string(),
  challenge: z.object({
    title: z.string(),
    summary: z.string(),
    skills: z.array(z.string()),
    runtimes: z.array(z.string()),
    /** Sidecars the candidate's service gets (PostgreSQL, Redis) and the variables that reach them; empty for most challenges. */
    services: z.array(challengeService),
    criteria: z.array(z.object({ title: z.string(), description: z.string(), weight: z.number() })),
  }),
  timeLimitMinutes: z.number().int(),
  accommodationMinutes: z.number().int(),
  practiceRunsPerHour: z.number().int(),
  hasHiddenTests: z.boolean(),
  /** Every autosave is kept as history that reviewers can replay (with practice runs and their scores). */
  codeHistoryShownToReviewers: z.boolean(),
  attempt: candidateAttempt.nullable(),
  surveyAnswered: z.boolean(),
  feedbackReleased: z.boolean(),
  // The server's clock when it answered: the countdown uses the offset to it, never the browser's clock alone.
  serverTime: z.iso.datetime(),
});
export type CandidateOverview = z.infer<typeof candidateOverview>;

export const startAttemptRequest = z.object({ runtime: z.string().min(1).max(40) });
export type StartAttemptRequest = z.infer<typeof startAttemptRequest>;

export const candidateWorkspace = z.object({
  attempt: candidateAttempt,
  title: z.string(),
  promptMarkdown: z.string(),
  services: z.array(challengeService),
  files: z.array(draftFile),
  serverTime: z.iso.datetime(),
});
export type CandidateWorkspace = z.infer<typeof candidateWorkspace>;

/** A practice run as the candidate sees it: only tests marked visible, with their output. */
export const candidateRun = z.object({
  id: z.uuid(),
  /** visible: the challenge's visible suite; own: the candidate's own test files (workbench) */
  suite: z.enum(['visible', 'own']),
  status: runStatus,
  outcome: runOutcome.nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  tests: z.array(runTest),
  logs: z.string().nullable(),
  /** the sidecars' logs (challenges with `services:`), for the candidate's own practice runs */
  serviceLogs: serviceLogs.optional(),
  queuedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type CandidateRun = z.infer<typeof candidateRun>;

/** How many practice runs are left in the rolling hour, and when the next one frees up if none are. */
export const practiceAllowance = z.object({
  perHour: z.number().int(),
  usedThisHour: z.number().int(),
  left: z.number().int(),
  /** When the oldest run of the window leaves it; null while runs are left. */
  nextAvailableAt: z.iso.datetime().nullable(),
});
export type PracticeAllowance = z.infer<typeof practiceAllowance>;

export const submissionReceipt = z.object({
  submittedAt: z.iso.datetime(),
  automatic: z.boolean(),
  fileCount: z.number().int(),
  contentHash: z.string(),
});
export type SubmissionReceipt = z.infer<typeof submissionReceipt>;

export const surveyRequest = z.object({
  minutesSpent: z.number().int().min(0).max(24 * 60),
  difficulty: z.number().int().min(1).max(5),
  promptClarity: z.number().int().min(1).max(5),
  comments: z.string().max(5000).default(''),
});
export type SurveyRequest = z.infer<typeof surveyRequest>;

const testCounts = z.object({ passed: z.number().int(), total: z.number().int() });

/** Released feedback. Hidden tests appear only as counts: never their names, output or code. */
export const candidateFeedback = z.discriminatedUnion('released', [
  z.object({ released: z.literal(false) }),
  z.object({
    released: z.literal(true),
    releasedAt: z.iso.datetime(),
    body: z.string(),
    criteria: z.array(z.object({ title: z.string(), comment: z.string() })),
    lineComments: z.array(sharedLineComment),
    tests: z.object({
      visible: testCounts.extend({ names: z.array(z.object({ name: z.string(), passed: z.boolean() })) }),
      hidden: testCounts,
    }).nullable(),
  }),
]);
export type CandidateFeedback = z.infer<typeof candidateFeedback>;
