import type { RunTest } from '@takehome/contracts';
import { describe, expect, it } from 'vitest';
import { toCandidateFeedback } from '../attempts/candidate/candidate-views';
import { TEAM, testCounts } from '../runs/run-results';

const test = (name: string, status: RunTest['status'], visibility: RunTest['visibility']): RunTest => ({
  name,
  status,
  score: status === 'passed' ? 1 : 0,
  maxScore: status === 'skipped' ? 0 : 1,
  output: '',
  visibility,
});

// Skipped tests are out of the maximum score, so they are out of every "n of m passed" count too.
describe('skipped tests in pass counts', () => {
  const tests = [test('a', 'passed', 'visible'), test('b', 'skipped', 'visible'), test('c', 'failed', 'hidden'), test('d', 'skipped', 'hidden')];

  it('testCounts leaves skipped tests out of the total', () => {
    expect(testCounts(tests, TEAM)).toEqual({ shown: { passed: 1, total: 1 }, withheld: { passed: 0, total: 1 } });
  });

  it('candidate feedback counts and lists only tests that ran', () => {
    const feedback = toCandidateFeedback({ releasedAt: new Date('2026-12-01T00:00:00Z'), body: 'ok', criteria: [] } as never, tests);
    expect(feedback.released && feedback.tests).toEqual({ visible: { passed: 1, total: 1, names: [{ name: 'a', passed: true }] }, hidden: { passed: 0, total: 1 } });
  });
});
