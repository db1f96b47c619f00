import { z } from 'zod';

export const testVisibility = z.enum(['visible', 'hidden', 'after_published']);

/** One test's outcome, as stored on a run. Hidden tests are filtered out before a candidate sees a run. */
export const runTest = z.object({
  name: z.string(),
  status: z.enum(['passed', 'failed']),
  score: z.number(),
  max_score: z.number(),
  output: z.string(),
  visibility: testVisibility,
});
export type RunTest = z.infer<typeof runTest>;

export const runKind = z.enum(['PRACTICE', 'GRADING', 'VERIFICATION']);
export const runStatus = z.enum(['QUEUED', 'RUNNING', 'FINISHED']);
export const runOutcome = z.enum(['COMPLETED', 'TIMEOUT', 'ERROR', 'OOM', 'NOT_READY', 'BUILD_FAILED']);

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
});
export type RunView = z.infer<typeof runView>;

/** What the worker publishes while a run moves; streamed to the browser as server-sent events. */
export const runEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('running'), runId: z.string() }),
  z.object({ type: z.literal('progress'), runId: z.string(), phase: z.string(), message: z.string() }),
  z.object({ type: z.literal('finished'), runId: z.string(), outcome: z.string(), score: z.number(), maxScore: z.number() }),
]);
export type RunEvent = z.infer<typeof runEvent>;
