import { describe, expect, it } from 'vitest';
import { mergeResults } from './merge-results';
import type { RunResult } from './sandbox-runner';

const result = (over: Partial<RunResult>): RunResult => ({ status: 'completed', score: 1, max_score: 1, execution_time: 10, output: '', tests: [], ...over });

describe(mergeResults.name, () => {
  it('sums scores and times, concatenates tests, worst status wins', () => {
    const merged = mergeResults([result({ output: 'a' }), result({ status: 'timeout', score: 0, max_score: 2, output: 'b' })]);
    expect(merged).toMatchObject({ status: 'timeout', score: 1, max_score: 3, execution_time: 20, output: 'a\nb' });
    expect(mergeResults([result({ status: 'error' }), result({ status: 'oom' })]).status).toBe('oom');
  });

  it("keeps each sidecar's log, the suites' parts in run order, and adds none when no suite had sidecars", () => {
    const merged = mergeResults([result({ service_logs: { postgres: 'visible', redis: 'r' } }), result({ service_logs: { postgres: 'hidden' } })]);
    expect(merged.service_logs).toEqual({ postgres: 'visible\nhidden', redis: 'r' });
    expect(mergeResults([result({}), result({})])).not.toHaveProperty('service_logs');
  });
});
