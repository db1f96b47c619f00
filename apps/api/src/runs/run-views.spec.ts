import type { Run } from '@takehome/db';
import { describe, expect, it } from 'vitest';
import { toCandidateRun, toRunView } from './run-views';

// Sidecar logs (challenges with `services:`): the team sees them on every run, a candidate on their own practice runs.
function run(over: Partial<Run>): Run {
  return {
    id: '00000000-0000-4000-8000-000000000001', kind: 'PRACTICE', status: 'FINISHED', outcome: 'COMPLETED', attemptId: null,
    submissionId: null, challengeVersionId: '00000000-0000-4000-8000-000000000002', runtime: 'node20', suite: 'visible',
    files: {}, score: 1, maxScore: 1, tests: [], logs: '', serviceLogs: null, queuedAt: new Date(0), startedAt: null,
    finishedAt: null, executionMs: 1, attempts: 1, ...over,
  } as Run;
}
const LOGS = [{ name: 'postgres', log: 'database system is ready' }];
const CANDIDATE = { kind: 'candidate', released: false } as const;

describe('run views: serviceLogs', () => {
  it('shows the team the sidecar logs of a grading run', () => {
    expect(toRunView(run({ kind: 'GRADING', serviceLogs: LOGS })).serviceLogs).toEqual(LOGS);
  });

  it('shows a candidate the logs of their practice run, never of another kind', () => {
    expect(toCandidateRun(run({ serviceLogs: LOGS }), CANDIDATE).serviceLogs).toEqual(LOGS);
    expect(toCandidateRun(run({ kind: 'GRADING', serviceLogs: LOGS }), CANDIDATE)).not.toHaveProperty('serviceLogs');
  });

  it('leaves the field out for runs without sidecars and for an unreadable row', () => {
    expect(toRunView(run({}))).not.toHaveProperty('serviceLogs');
    expect(toRunView(run({ serviceLogs: { postgres: 'not the stored shape' } }))).not.toHaveProperty('serviceLogs');
  });
});
