import { z } from 'zod';

/**
 * The run record every module crosses, defined once: the API, the worker and the web read these schemas, the
 * sandbox and the challenge format reuse the visibility enum. The sandbox keeps its own engine output; the
 * worker maps it to this shape once, before storing.
 */

/** `after_published`: hidden while the attempt is open, shown to the candidate once feedback is released. */
export const testVisibility = z.enum(['visible', 'hidden', 'after_published']);
export type TestVisibility = z.infer<typeof testVisibility>;

/** One test's outcome, as stored on a run (Run.tests) and as every view shows it. */
export const runTest = z.object({
  name: z.string(),
  // skipped: skipped/todo/pending in the report; out of the maximum unless the suite counts it as failed.
  status: z.enum(['passed', 'failed', 'skipped']),
  score: z.number(),
  maxScore: z.number(),
  output: z.string(),
  visibility: testVisibility,
});
export type RunTest = z.infer<typeof runTest>;
export const runTests = z.array(runTest);

export const runKind = z.enum(['PRACTICE', 'GRADING', 'VERIFICATION']);
export type RunKind = z.infer<typeof runKind>;
export const runStatus = z.enum(['QUEUED', 'RUNNING', 'FINISHED']);
export const runOutcome = z.enum(['COMPLETED', 'TIMEOUT', 'ERROR', 'OOM', 'NOT_READY', 'BUILD_FAILED']);
export type RunOutcome = z.infer<typeof runOutcome>;

/**
 * One sidecar's log (postgres, redis: the challenge's `services:`), its last 32 KB, as stored on a run
 * (Run.serviceLogs) and shown beside the candidate's own output. Never holds test output.
 */
export const serviceLog = z.object({ name: z.string(), log: z.string() });
export type ServiceLog = z.infer<typeof serviceLog>;
export const serviceLogs = z.array(serviceLog);

/** The team's view of a run (leads and reviewers): every test, hidden ones included, with output and logs. */
export const runView = z.object({
  id: z.uuid(),
  kind: runKind,
  status: runStatus,
  outcome: runOutcome.nullable(),
  runtime: z.string(),
  suite: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  tests: z.array(runTest),
  logs: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  executionMs: z.number().nullable(),
  /** only for challenges with sidecars */
  serviceLogs: serviceLogs.optional(),
});
export type RunView = z.infer<typeof runView>;

/** What the worker publishes while a run moves; streamed to the browser as server-sent events. */
export const runEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('running'), runId: z.string() }),
  z.object({ type: z.literal('progress'), runId: z.string(), phase: z.string(), message: z.string() }),
  z.object({ type: z.literal('finished'), runId: z.string(), outcome: runOutcome, score: z.number(), maxScore: z.number() }),
]);
export type RunEvent = z.infer<typeof runEvent>;
