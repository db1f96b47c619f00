import { z } from 'zod';

/**
 * The pilot: teammates take the assessment exactly as candidates would; this report tells the hiring lead
 * whether it fits the time, whether the tests are right and what a good score looks like. At launch its
 * summary is frozen as the baseline every candidate's report is compared with.
 */
const score = z.object({ score: z.number(), maxScore: z.number() });

export const pilotTaker = z.object({
  invitationId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  stage: z.string(),
  startedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  minutesTaken: z.number().nullable(),
  /** Limit including the taker's accommodation. */
  minutesAllowed: z.number(),
  ranOutOfTime: z.boolean(),
  hiddenTests: score.nullable(),
  visibleTests: score.nullable(),
  rubricScore: z.number().nullable(),
});
export type PilotTaker = z.infer<typeof pilotTaker>;

export const pilotTestStat = z.object({
  name: z.string(),
  visibility: z.enum(['visible', 'hidden']),
  passed: z.number().int(),
  /** Graded pilot submissions (one whose service never started failed every test). */
  total: z.number().int(),
  passRate: z.number().nullable(),
  /** Whether the challenge's reference solution passes it (latest verification run); null when never verified. */
  referencePasses: z.boolean().nullable(),
  flagged: z.boolean(),
  /** Why the test may be wrong, in words for the lead. */
  flagReason: z.string().nullable(),
});
export type PilotTestStat = z.infer<typeof pilotTestStat>;

const spread = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
});
export type Spread = z.infer<typeof spread>;

/** The part of the pilot kept at launch. */
export const pilotBaseline = z.object({
  frozenAt: z.iso.datetime(),
  takers: z.number().int(),
  medianMinutes: z.number().nullable(),
  hiddenTests: z.object({ medianPassed: z.number().nullable(), total: z.number().int() }),
  visibleTests: z.object({ medianPassed: z.number().nullable(), total: z.number().int() }),
  rubric: z.object({
    medianWeightedTotal: z.number().nullable(),
    criteria: z.array(z.object({ key: z.string(), title: z.string(), median: z.number().nullable() })),
  }),
});
export type PilotBaseline = z.infer<typeof pilotBaseline>;

export const pilotReport = z.object({
  assessmentId: z.uuid(),
  status: z.enum(['DRAFT', 'PILOT', 'LIVE', 'CLOSED']),
  timeLimitMinutes: z.number().int(),
  invited: z.number().int(),
  finished: z.number().int(),
  takers: z.array(pilotTaker),
  /** Minutes from start to submission of finished takers. */
  minutesTaken: spread,
  ranOutOfTime: z.number().int(),
  tests: z.array(pilotTestStat),
  reviews: z.object({
    submitted: z.number().int(),
    /** Krippendorff's alpha (interval) over pilot submissions; null with too few overlapping scores. */
    alpha: z.number().nullable(),
    criteria: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        mean: z.number().nullable(),
        /** Largest difference between two reviewers of the same submission. */
        maxSpread: z.number().int(),
        scores: z.array(z.object({ invitationId: z.uuid(), takerName: z.string(), reviewerName: z.string(), level: z.number().int() })),
      }),
    ),
  }),
  survey: z.object({
    responses: z.array(
      z.object({
        invitationId: z.uuid(),
        takerName: z.string(),
        minutesSpent: z.number().int(),
        difficulty: z.number().int(),
        promptClarity: z.number().int(),
        comments: z.string(),
      }),
    ),
    medianMinutesSpent: z.number().nullable(),
    meanDifficulty: z.number().nullable(),
    meanClarity: z.number().nullable(),
  }),
  /** Set once the assessment launched: the frozen baseline. */
  baseline: pilotBaseline.nullable(),
  /** Mutants the challenge version shipped, per runtime; empty: nothing proved the hidden suite catches mistakes. */
  mutants: z.array(z.object({ runtime: z.string(), count: z.number().int() })),
});
export type PilotReport = z.infer<typeof pilotReport>;

/** One candidate's results next to the pilot baseline, for the hiring lead. */
export const candidateReport = z.object({
  assessmentId: z.uuid(),
  invitationId: z.uuid(),
  kind: z.enum(['CANDIDATE', 'PILOT']),
  /** As on the dashboard: the pseudonym and no email while identity is hidden from the viewer. */
  name: z.string(),
  email: z.string().nullable(),
  identityHidden: z.boolean(),
  stage: z.string(),
  submissionId: z.uuid().nullable(),
  timeLimitMinutes: z.number().int(),
  minutesTaken: z.number().nullable(),
  ranOutOfTime: z.boolean(),
  hiddenTests: z.object({ passed: z.number().int(), total: z.number().int(), pilotMedian: z.number().nullable() }).nullable(),
  visibleTests: z.object({ passed: z.number().int(), total: z.number().int(), pilotMedian: z.number().nullable() }).nullable(),
  rubric: z
    .object({
      weightedTotal: z.number().nullable(),
      pilotMedian: z.number().nullable(),
      criteria: z.array(z.object({ key: z.string(), title: z.string(), mean: z.number().nullable(), pilotMedian: z.number().nullable() })),
    })
    .nullable(),
  recommendations: z.array(z.string()),
  feedbackReleasedAt: z.iso.datetime().nullable(),
  /** When the candidate's personal data was erased (on request or by retention); null while it is held. */
  erasedAt: z.iso.datetime().nullable(),
  /** Null when the assessment launched without a pilot. */
  baseline: pilotBaseline.nullable(),
});
export type CandidateReport = z.infer<typeof candidateReport>;
