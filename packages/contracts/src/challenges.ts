import { z } from 'zod';
import { runOutcome, runStatus } from './runs';

export const verificationStatus = z.enum(['unverified', 'running', 'verified', 'failed']);
export type VerificationStatus = z.infer<typeof verificationStatus>;

export const verificationRun = z.object({
  id: z.uuid(),
  runtime: z.string(),
  status: runStatus,
  outcome: runOutcome.nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
});

export const verification = z.object({ status: verificationStatus, runs: z.array(verificationRun) });
export type Verification = z.infer<typeof verification>;

export const challengeVersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  contentHash: z.string(),
  createdAt: z.iso.datetime(),
  verification: verificationStatus,
  /**
   * The latest finished suite verification (reference and mutants, on the server): true when it proved the
   * suites, false when it did not, null when none finished yet. The assessment picker warns unless true.
   */
  suiteProven: z.boolean().nullable(),
});

export const challengeSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  versions: z.array(challengeVersionSummary),
});
export type ChallengeSummary = z.infer<typeof challengeSummary>;

const rubricLevel = z.object({ score: z.number().int(), label: z.string(), descriptor: z.string() });
const rubricCriterion = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  weight: z.number(),
  levels: z.array(rubricLevel),
});
// The rubric as an author edits it (the shape of rubric.yaml).
export const rubricView = z.object({ criteria: z.array(rubricCriterion) });
export type RubricView = z.infer<typeof rubricView>;

/** What hiring leads see of a version: everything, tests and reference solutions included. */
export const challengeVersionDetail = z.object({
  id: z.uuid(),
  challengeId: z.uuid(),
  slug: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  title: z.string(),
  summary: z.string(),
  roleType: z.enum(['APPLICATION', 'PLATFORM', 'DATA', 'INFRASTRUCTURE']),
  skills: z.array(z.string()),
  timeLimitMinutes: z.number().int(),
  runtimes: z.array(z.string()),
  prompt: z.string(),
  rubric: rubricView,
  files: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  verification,
  /**
   * Mutant names per runtime the package shipped. Their kill rates come from a suite verification (on the
   * server, see suite-verifications.ts) or `assess challenge validate`; this view never carries their code.
   */
  mutants: z.record(z.string(), z.array(z.string())),
});
export type ChallengeVersionDetail = z.infer<typeof challengeVersionDetail>;

/** A new version from an existing one, with the prompt, rubric or time limit changed in the browser. */
export const editChallengeVersionRequest = z
  .object({
    baseVersionId: z.uuid(),
    prompt: z.string().min(1, 'is required').max(100_000).optional(),
    timeLimitMinutes: z.number().int().min(30).max(480).optional(),
    rubric: rubricView.optional(),
  })
  .refine((b) => b.prompt !== undefined || b.timeLimitMinutes !== undefined || b.rubric !== undefined, 'change the prompt, the rubric or the time limit');
export type EditChallengeVersionRequest = z.infer<typeof editChallengeVersionRequest>;

export const savedChallengeVersion = z.object({
  challengeId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  created: z.boolean(),
});
export type SavedChallengeVersion = z.infer<typeof savedChallengeVersion>;

export const verifyResponse = z.object({ runIds: z.array(z.uuid()) });
