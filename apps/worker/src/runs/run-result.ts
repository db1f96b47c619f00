import type { RunOutcome, RunTest, ServiceLog } from '@takehome/contracts';
import type { RunResult } from '@takehome/sandbox';

/** What the worker stores on a run: the platform's camelCase record (@takehome/contracts), never the engine's. */
export interface StoredResult {
  outcome: RunOutcome;
  score: number;
  maxScore: number;
  tests: RunTest[];
  logs: string;
  executionMs: number;
  /** sidecars' logs, only for challenges with `services:` */
  serviceLogs?: ServiceLog[];
}

const outcomes = { completed: 'COMPLETED', timeout: 'TIMEOUT', error: 'ERROR', oom: 'OOM', not_ready: 'NOT_READY', build_failed: 'BUILD_FAILED' } as const;

/** The one place the sandbox's engine output (snake_case, as `assess run --json` prints it) becomes a run result. */
export function toStoredResult(result: RunResult): StoredResult {
  return {
    outcome: outcomes[result.status],
    score: result.score,
    maxScore: result.max_score,
    tests: result.tests.map((t) => ({ name: t.name, status: t.status, score: t.score, maxScore: t.max_score, output: t.output, visibility: t.visibility })),
    logs: result.output,
    executionMs: Math.round(result.execution_time),
    ...(result.service_logs ? { serviceLogs: Object.entries(result.service_logs).map(([name, log]) => ({ name, log })) } : {}),
  };
}

export function failure(logs: string): StoredResult {
  return { outcome: 'ERROR', score: 0, maxScore: 0, tests: [], logs, executionMs: 0 };
}
