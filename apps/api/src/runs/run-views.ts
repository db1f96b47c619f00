import type { CandidateRun, RunView } from '@takehome/contracts';
import type { Run } from '@takehome/db';
import { readRunTests, type RunAudience, TEAM, visibleTests } from './run-results';

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
    tests: visibleTests(readRunTests(run.tests), TEAM),
    logs: run.logs,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    executionMs: run.executionMs,
  };
}

/** A candidate's view of one of their runs: only the tests their audience rule lets through. */
export function toCandidateRun(run: Run, audience: Extract<RunAudience, { kind: 'candidate' }>): CandidateRun {
  return {
    id: run.id,
    suite: run.suite === 'own' ? 'own' : 'visible',
    status: run.status,
    outcome: run.outcome,
    score: run.score,
    maxScore: run.maxScore,
    tests: visibleTests(readRunTests(run.tests), audience),
    logs: run.logs,
    queuedAt: run.queuedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
