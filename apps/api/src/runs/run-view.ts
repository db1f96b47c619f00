import type { RunTest, RunView } from '@takehome/contracts';
import type { Run } from '@takehome/db';

/** The team's view of a run: every test, hidden ones included, with output and logs. */
export function toRunView(run: Run): RunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    outcome: run.outcome,
    runtime: run.runtime,
    suite: run.suite,
    score: run.score,
    maxScore: run.maxScore,
    tests: (run.tests as RunTest[] | null) ?? [],
    logs: run.logs,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    executionMs: run.executionMs,
  };
}
