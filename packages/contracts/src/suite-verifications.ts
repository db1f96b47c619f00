import { z } from 'zod';

/**
 * Server-side suite verification of a challenge version: the reference solution through both suites and
 * every shipped mutant through the hidden suite, N runs each, as `assess challenge validate --mutant-runs N`
 * does on an author's machine. Leads only: it names hidden tests.
 */

export const MAX_SUITE_VERIFICATION_RUNS = 10;

export const startSuiteVerificationRequest = z.strictObject({
  /** Runs of each subject (the reference per suite, each mutant); a catch on some runs only is flaky. */
  runs: z.number().int().min(1).max(MAX_SUITE_VERIFICATION_RUNS).default(3),
  /** Runtimes to verify; all of the version's runtimes when left out. */
  runtimes: z.array(z.string().min(1)).min(1).optional(),
});
export type StartSuiteVerificationRequest = z.input<typeof startSuiteVerificationRequest>;

export const mutantVerdict = z.enum(['killed', 'flaky', 'survived', 'broken']);
export type MutantVerdict = z.infer<typeof mutantVerdict>;

export const mutantOutcome = z.object({
  name: z.string(),
  models: z.string(),
  targets: z.string(),
  verdict: mutantVerdict,
  /** Runs on which it lost points, out of `runs`. */
  caught: z.number().int(),
  runs: z.number().int(),
  /** Hidden tests that failed on at least one run: what caught it. */
  caughtBy: z.array(z.string()),
  /** Why a broken mutant could not be run (its patch no longer applies). */
  error: z.string().optional(),
});
export type MutantOutcome = z.infer<typeof mutantOutcome>;

export const referenceSuiteOutcome = z.object({
  suite: z.enum(['visible', 'hidden']),
  runs: z.number().int(),
  /** Runs on which the reference passed every test. */
  passedRuns: z.number().int(),
  /** Tests that failed on every run, and tests whose outcome changed between runs. */
  failingTests: z.array(z.string()),
  flakyTests: z.array(z.string()),
});

export const runtimeSuiteOutcome = z.object({
  runtime: z.string(),
  reference: z.array(referenceSuiteOutcome),
  mutants: z.array(mutantOutcome),
  /** Mutants killed on every run, over all mutants of this runtime (the hidden suite's kill rate). */
  killRate: z.object({ killed: z.number().int(), total: z.number().int() }),
});
export type RuntimeSuiteOutcome = z.infer<typeof runtimeSuiteOutcome>;

export const suiteVerificationResult = z.object({ runtimes: z.array(runtimeSuiteOutcome) });
export type SuiteVerificationResult = z.infer<typeof suiteVerificationResult>;

export const suiteVerificationStatus = z.enum(['QUEUED', 'RUNNING', 'FINISHED', 'FAILED']);

export const suiteVerificationView = z.object({
  id: z.uuid(),
  challengeVersionId: z.uuid(),
  status: suiteVerificationStatus,
  runsPerSubject: z.number().int(),
  runtimes: z.array(z.string()),
  totalRuns: z.number().int(),
  doneRuns: z.number().int(),
  /** Measured mean wall time of the finished runs, and that times the runs left; null before the first run. */
  estimate: z.object({ perRunMs: z.number().int(), remainingMs: z.number().int() }).nullable(),
  /** Every reference run passed every test and every mutant was killed on every run. */
  proven: z.boolean().nullable(),
  result: suiteVerificationResult.nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type SuiteVerificationView = z.infer<typeof suiteVerificationView>;

export const latestSuiteVerification = z.object({ verification: suiteVerificationView.nullable() });
export type LatestSuiteVerification = z.infer<typeof latestSuiteVerification>;
