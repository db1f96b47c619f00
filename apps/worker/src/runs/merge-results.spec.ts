import type { RunResult } from '@takehome/sandbox';
import { describe, expect, it } from 'vitest';
import { mergeResults } from './merge-results';

const result = (over: Partial<RunResult>): RunResult => ({
  status: 'completed',
  score: 1,
  max_score: 2,
  execution_time: 100,
  output: '',
  tests: [],
  ...over,
});

describe(mergeResults.name, () => {
  it('adds scores and times and keeps every test', () => {
    const test = { name: 't', status: 'passed' as const, score: 1, max_score: 1, output: '', visibility: 'hidden' as const };
    const merged = mergeResults([result({ tests: [test] }), result({ score: 2, max_score: 3, tests: [test] })]);
    expect(merged).toMatchObject({ status: 'completed', score: 3, max_score: 5, execution_time: 200 });
    expect(merged.tests).toHaveLength(2);
  });

  it('reports the worst outcome of the suites', () => {
    expect(mergeResults([result({ status: 'timeout' }), result({})]).status).toBe('timeout');
    expect(mergeResults([result({ status: 'error' }), result({ status: 'oom' })]).status).toBe('oom');
  });
});
