import { loadChallenge, versionRecord } from '@takehome/challenge';
import { SandboxInfrastructureError, type RunResult, type SandboxRunner } from '@takehome/sandbox';
import * as path from 'node:path';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { RunEvents } from './run-events';
import { RunExecutor } from './run-executor';
import { toStoredResult } from './run-result';
import type { RunForExecution, RunRepository } from './run.repository';

function harness(run: Partial<RunForExecution> | null, sandbox: SandboxRunner, files: Record<string, string> = {}) {
  const runs = {
    findForExecution: vi.fn().mockResolvedValue(run),
    versionFiles: vi.fn().mockResolvedValue({ files }),
    markRunning: vi.fn().mockResolvedValue(undefined),
    storeResult: vi.fn().mockResolvedValue(run?.kind ?? 'GRADING'),
  };
  const events = { publish: vi.fn() };
  const executor = new RunExecutor(runs as unknown as RunRepository, sandbox, events as unknown as RunEvents, pino({ level: 'silent' }));
  return { executor, runs, events };
}

const queuedRun = (files: Record<string, string>) =>
  ({ id: 'run-1', status: 'QUEUED', kind: 'GRADING', suite: 'visible', runtime: 'node20', files, challengeVersionId: 'v1' }) as unknown as RunForExecution;

describe(RunExecutor.name, () => {
  describe('execute', () => {
    it('drops a job whose run already has a result', async () => {
      const sandbox = { run: vi.fn() };
      const { executor, runs } = harness({ ...queuedRun({}), status: 'FINISHED' }, sandbox);
      await executor.execute('run-1', { jobId: 'j', attempt: 2 });
      expect(sandbox.run).not.toHaveBeenCalled();
      expect(runs.storeResult).not.toHaveBeenCalled();
    });

    it('records a run that cannot be assembled at once, without a retry', async () => {
      const sandbox = { run: vi.fn() };
      const { executor, runs } = harness(queuedRun({}), sandbox, { 'not-a-challenge.txt': 'x' });
      await executor.execute('run-1', { jobId: 'j', attempt: 1 });
      expect(sandbox.run).not.toHaveBeenCalled();
      const [runId, stored] = runs.storeResult.mock.calls[0];
      expect(runId).toBe('run-1');
      expect(stored.outcome).toBe('ERROR');
      expect(stored.logs).toMatch(/^The run could not be prepared: /);
    });
  });

  describe('grading (visible and hidden suites)', () => {
    const result = (score: number, name: string): RunResult => ({
      status: 'completed', score, max_score: score, execution_time: 1, output: '', tests: [{ name, status: 'passed', score, max_score: score, output: '', visibility: 'visible' }],
    });

    it('hands both suites to the engine at once when it can share one boot, and stores them merged', async () => {
      const { files } = versionRecord(await loadChallenge(path.join(__dirname, '../../../../challenges/url-shortener')));
      const sandbox = { run: vi.fn(), runSuites: vi.fn().mockResolvedValue([result(2, 'v'), result(5, 'h')]) };
      const { executor, runs } = harness({ ...queuedRun({ 'server.js': '' }), suite: 'all' }, sandbox, files as Record<string, string>);
      await executor.execute('run-1', { jobId: 'j', attempt: 1 });
      expect(sandbox.run).not.toHaveBeenCalled();
      expect(sandbox.runSuites.mock.calls[0][0].map((r: { runId: string }) => r.runId)).toEqual(['run-1-visible', 'run-1-hidden']);
      expect(runs.storeResult.mock.calls[0][1]).toMatchObject({ outcome: 'COMPLETED', score: 7, maxScore: 7 });
    });

    it('stores and announces the grade when the engine reports it, before the engine has cleaned up, and only once', async () => {
      const { files } = versionRecord(await loadChallenge(path.join(__dirname, '../../../../challenges/url-shortener')));
      const order: string[] = [];
      const sandbox: SandboxRunner = {
        run: vi.fn(),
        runSuites: vi.fn(async (_requests, options) => {
          const results = [result(2, 'v'), result(5, 'h')];
          await options?.onResults?.(results);
          order.push('cleaned up');
          return results;
        }),
      };
      const { executor, runs, events } = harness({ ...queuedRun({ 'server.js': '' }), suite: 'all' }, sandbox, files as Record<string, string>);
      runs.storeResult.mockImplementation(async () => (order.push('stored'), 'GRADING'));
      await executor.execute('run-1', { jobId: 'j', attempt: 1 });
      expect(order).toEqual(['stored', 'cleaned up']);
      expect(runs.storeResult).toHaveBeenCalledOnce();
      expect(runs.storeResult.mock.calls[0][1]).toMatchObject({ outcome: 'COMPLETED', score: 7, maxScore: 7 });
      expect(events.publish.mock.calls.filter(([e]) => e.type === 'finished')).toHaveLength(1);
    });
  });

  describe('failForInfrastructure', () => {
    it('ends the run with an error result naming the fault', async () => {
      const { executor, runs, events } = harness(null, { run: vi.fn() });
      await executor.failForInfrastructure('run-1', new SandboxInfrastructureError('sandbox error: connect ENOENT'), 3);
      const [runId, stored] = runs.storeResult.mock.calls[0];
      expect(runId).toBe('run-1');
      expect(stored.outcome).toBe('ERROR');
      expect(stored.logs).toBe('The platform could not run this (after 3 attempt(s)): sandbox error: connect ENOENT');
      expect(events.publish).toHaveBeenCalledWith(expect.objectContaining({ type: 'finished', runId: 'run-1', outcome: 'ERROR' }));
    });

    it('publishes nothing when an earlier delivery stored the result', async () => {
      const { executor, runs, events } = harness(null, { run: vi.fn() });
      runs.storeResult.mockResolvedValue(null);
      await executor.failForInfrastructure('run-1', new Error('x'), 3);
      expect(events.publish).not.toHaveBeenCalled();
    });
  });
});

describe(toStoredResult.name, () => {
  it('maps the engine output to the camelCase run record once', () => {
    const stored = toStoredResult({
      status: 'timeout',
      score: 1,
      max_score: 3,
      execution_time: 12.6,
      output: 'log',
      tests: [{ name: 'a', status: 'passed', score: 1, max_score: 3, output: '', visibility: 'after_published' }],
    });
    expect(stored).toEqual({
      outcome: 'TIMEOUT',
      score: 1,
      maxScore: 3,
      executionMs: 13,
      logs: 'log',
      tests: [{ name: 'a', status: 'passed', score: 1, maxScore: 3, output: '', visibility: 'after_published' }],
    });
    expect(stored).not.toHaveProperty('serviceLogs');
  });

  it("stores the sidecars' logs as [{ name, log }] when the run had services", () => {
    const stored = toStoredResult({ status: 'completed', score: 0, max_score: 0, execution_time: 1, output: '', tests: [], service_logs: { postgres: 'ready', redis: 'pong' } });
    expect(stored.serviceLogs).toEqual([{ name: 'postgres', log: 'ready' }, { name: 'redis', log: 'pong' }]);
  });
});
