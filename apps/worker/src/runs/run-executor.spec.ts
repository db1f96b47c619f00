import { SandboxInfrastructureError, type SandboxRunner } from '@takehome/sandbox';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { RunEvents } from './run-events';
import { RunExecutor } from './run-executor';
import type { RunForExecution, RunRepository } from './run.repository';

function harness(run: Partial<RunForExecution> | null, sandbox: SandboxRunner) {
  const runs = {
    findForExecution: vi.fn().mockResolvedValue(run),
    markRunning: vi.fn().mockResolvedValue(undefined),
    storeResult: vi.fn().mockResolvedValue(run?.kind ?? 'GRADING'),
  };
  const events = { publish: vi.fn() };
  const graded = { announce: vi.fn().mockResolvedValue(undefined) };
  const executor = new RunExecutor(runs as unknown as RunRepository, sandbox, events as unknown as RunEvents, pino({ level: 'silent' }), graded);
  return { executor, runs, events, graded };
}

const queuedRun = (files: Record<string, string>) =>
  ({ id: 'run-1', status: 'QUEUED', kind: 'GRADING', suite: 'visible', runtime: 'node20', files, challengeVersion: { id: 'v1', manifest: {}, files } }) as unknown as RunForExecution;

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
      const { executor, runs } = harness(queuedRun({ 'not-a-challenge.txt': 'x' }), sandbox);
      await executor.execute('run-1', { jobId: 'j', attempt: 1 });
      expect(sandbox.run).not.toHaveBeenCalled();
      const [runId, stored] = runs.storeResult.mock.calls[0];
      expect(runId).toBe('run-1');
      expect(stored.outcome).toBe('ERROR');
      expect(stored.logs).toMatch(/^The run could not be prepared: /);
    });
  });

  describe('announcing grades', () => {
    it('announces a stored grading result once, and nothing for other kinds or a result stored earlier', async () => {
      const grading = harness(queuedRun({}), { run: vi.fn() });
      await grading.executor.failForInfrastructure('run-1', new Error('x'), 3);
      expect(grading.graded.announce).toHaveBeenCalledWith('run-1');

      const practice = harness({ ...queuedRun({}), kind: 'PRACTICE' }, { run: vi.fn() });
      await practice.executor.failForInfrastructure('run-1', new Error('x'), 3);
      expect(practice.graded.announce).not.toHaveBeenCalled();

      const again = harness(queuedRun({}), { run: vi.fn() });
      again.runs.storeResult.mockResolvedValue(null);
      await again.executor.failForInfrastructure('run-1', new Error('x'), 3);
      expect(again.graded.announce).not.toHaveBeenCalled();
    });

    it('keeps the stored grade when the announcement cannot be queued', async () => {
      const { executor, graded, events } = harness(queuedRun({}), { run: vi.fn() });
      graded.announce.mockRejectedValue(new Error('Redis down'));
      await expect(executor.failForInfrastructure('run-1', new Error('x'), 1)).resolves.toBeUndefined();
      expect(events.publish).toHaveBeenCalledWith(expect.objectContaining({ type: 'finished' }));
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
  });
});
