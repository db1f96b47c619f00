import { loadChallenge, packageFiles } from '@takehome/challenge';
import type { RunRequest, RunResult, SandboxRunner } from '@takehome/sandbox';
import path from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SuiteVerificationRepository } from './suite-verification.repository';
import { SuiteVerifier } from './suite-verifier';

const URL_SHORTENER = path.resolve(__dirname, '../../../../challenges/url-shortener');
let files: Record<string, string>;
beforeAll(async () => {
  files = packageFiles(await loadChallenge(URL_SHORTENER));
});

const result = (failing: string[]): RunResult => ({
  status: 'completed',
  score: failing.length ? 1 : 2,
  max_score: 2,
  execution_time: 5,
  output: '',
  tests: [
    { name: 'a', status: failing.includes('a') ? 'failed' : 'passed', score: 1, max_score: 1, output: '', visibility: 'hidden' },
    { name: 'b', status: failing.includes('b') ? 'failed' : 'passed', score: 1, max_score: 1, output: '', visibility: 'hidden' },
  ],
});

/** A sandbox that answers by what it is given: the reference passes, each mutant fails as scripted per call. */
function sandbox(script: Record<string, string[][]>) {
  const calls: Record<string, number> = {};
  return {
    run: vi.fn(async (request: RunRequest) => {
      const marker = Object.values(request.submissionFiles ?? {}).join('').match(/MUTANT:(\w+)/)?.[1];
      if (!marker) return result([]);
      const n = (calls[marker] = (calls[marker] ?? 0) + 1);
      return result(script[marker]![n - 1] ?? []);
    }),
  } satisfies SandboxRunner;
}

const mutant = (name: string, extra: object = {}) => ({ runtime: 'node20', name, models: `${name} mistake`, targets: 'x', overlay: { 'marker.js': `// MUTANT:${name}\n` }, ...extra });

function harness(row: object | null, mutantSources: object[], runner: SandboxRunner) {
  const repo = {
    find: vi.fn().mockResolvedValue(row),
    versionMaterial: vi.fn().mockResolvedValue({ files, mutantSources }),
    start: vi.fn().mockResolvedValue(true),
    runDone: vi.fn().mockResolvedValue(undefined),
    finish: vi.fn().mockResolvedValue(true),
    fail: vi.fn().mockResolvedValue(undefined),
  };
  const verifier = new SuiteVerifier(repo as unknown as SuiteVerificationRepository, runner, pino({ level: 'silent' }));
  return { verifier, repo };
}

const queued = { id: 'sv-1', status: 'QUEUED', runsPerSubject: 2, runtimes: ['node20'], challengeVersionId: 'v1' };

describe(SuiteVerifier.name, () => {
  describe('execute', () => {
    it('tells killed, flaky, survived and broken mutants apart, naming what caught them, and counts every run', async () => {
      const runner = sandbox({ killed: [['a'], ['a', 'b']], flaky: [['b'], []], survived: [[], []] });
      const broken = mutant('broken', { overlay: {}, patch: '--- a/nope.js\n+++ b/nope.js\n@@ -1 +1 @@\n-x\n+y\n' });
      const { verifier, repo } = harness(queued, [mutant('killed'), mutant('flaky'), mutant('survived'), broken], runner);
      await verifier.execute('sv-1');

      // Reference twice per suite, four mutants twice each.
      expect(repo.start).toHaveBeenCalledWith('sv-1', 2 * (2 + 4));
      expect(repo.runDone).toHaveBeenCalledTimes(12);
      expect(runner.run).toHaveBeenCalledTimes(10); // the broken mutant never reaches the sandbox
      const [, stored] = repo.finish.mock.calls[0]!;
      const [node] = stored.runtimes;
      expect(node.reference.map((s: { passedRuns: number }) => s.passedRuns)).toEqual([2, 2]);
      expect(node.killRate).toEqual({ killed: 1, total: 4 });
      const by = Object.fromEntries(node.mutants.map((m: { name: string }) => [m.name, m]));
      expect(by.killed).toMatchObject({ verdict: 'killed', caught: 2, caughtBy: ['a', 'b'] });
      expect(by.flaky).toMatchObject({ verdict: 'flaky', caught: 1, caughtBy: ['b'] });
      expect(by.survived).toMatchObject({ verdict: 'survived', caught: 0, caughtBy: [] });
      expect(by.broken.verdict).toBe('broken');
      expect(by.broken.error).toMatch(/nope\.js is not in the solution/);
    });

    it('drops a redelivered job whose verification already ended', async () => {
      const runner = sandbox({});
      const { verifier, repo } = harness({ ...queued, status: 'FINISHED' }, [], runner);
      await verifier.execute('sv-1');
      expect(runner.run).not.toHaveBeenCalled();
      expect(repo.start).not.toHaveBeenCalled();
    });

    it('fails the verification, without a retry, when the stored mutants cannot be read', async () => {
      const runner = sandbox({});
      const { verifier, repo } = harness(queued, [{ name: 'no runtime' }], runner);
      await verifier.execute('sv-1');
      expect(runner.run).not.toHaveBeenCalled();
      expect(repo.fail.mock.calls[0]![1]).toMatch(/^The version could not be read: /);
    });
  });
});
