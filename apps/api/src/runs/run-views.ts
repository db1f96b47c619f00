import type { CandidateRun, RunView, ServiceLog } from '@takehome/contracts';
import type { Run } from '@takehome/db';
import { readRunTests, readServiceLogs, type RunAudience, TEAM, visibleTests } from './run-results';

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
    ...serviceLogsOf(run),
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
    // A candidate's runs are practice runs (scoped so by the repository); the check keeps it so if that changes.
    ...(run.kind === 'PRACTICE' ? serviceLogsOf(run) : {}),
    queuedAt: run.queuedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function serviceLogsOf(run: Run): { serviceLogs?: ServiceLog[] } {
  const logs = readServiceLogs(run.serviceLogs);
  return logs ? { serviceLogs: logs } : {};
}
