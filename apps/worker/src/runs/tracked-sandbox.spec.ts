import { SandboxInfrastructureError, type RunRequest, type RunResult, type SandboxRunner } from '@takehome/sandbox';
import { describe, expect, it, vi } from 'vitest';
import { TrackedSandbox } from './tracked-sandbox';

const result: RunResult = { status: 'completed', score: 1, max_score: 1, execution_time: 5, output: '', tests: [] };
const request = (runId: string) => ({ runId }) as unknown as RunRequest;

function engine(runSuites?: SandboxRunner['runSuites']): SandboxRunner {
  return { run: vi.fn(async () => result), ...(runSuites ? { runSuites } : {}) };
}

describe('TrackedSandbox', () => {
  it("hands a grading's suites to the engine's one-boot runSuites when it has one", async () => {
    const runSuites = vi.fn(async (reqs: RunRequest[]) => reqs.map(() => result));
    const inner = engine(runSuites);
    const tracked = new TrackedSandbox(inner, vi.fn(), async () => true);
    expect(await tracked.runSuites([request('a'), request('b')])).toEqual([result, result]);
    expect(runSuites).toHaveBeenCalledOnce();
    expect(inner.run).not.toHaveBeenCalled();
  });

  it('runs suite by suite on an engine without runSuites', async () => {
    const inner = engine();
    const tracked = new TrackedSandbox(inner, vi.fn(), async () => true);
    expect(await tracked.runSuites([request('a'), request('b')])).toHaveLength(2);
    expect(inner.run).toHaveBeenCalledTimes(2);
  });

  it('keeps no result from an engine that went away, and reaps every suite once it is back', async () => {
    const reap = vi.fn(async (_runId: string) => undefined);
    const tracked = new TrackedSandbox(engine(async (reqs) => reqs.map(() => result)), reap, async () => false);
    await expect(tracked.runSuites([request('a'), request('b')])).rejects.toBeInstanceOf(SandboxInfrastructureError);
    expect(await tracked.reapFailed()).toBe(2);
    expect(reap.mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
  });

  /** An engine that reports its results early (as DockerSandboxRunner does) and is then gone for the clean-up. */
  function reportingEngine(answers: boolean[]): { inner: SandboxRunner; engineAnswers: () => Promise<boolean> } {
    const inner: SandboxRunner = {
      run: vi.fn(async (_req, options) => (await options?.onResults?.([result]), result)),
      runSuites: vi.fn(async (reqs: RunRequest[], options) => {
        const results = reqs.map(() => result);
        await options?.onResults?.(results);
        return results;
      }),
    };
    return { inner, engineAnswers: async () => answers.shift() ?? false };
  }

  it('checks the engine before results are reported early, and reports none from an engine that is gone', async () => {
    const { inner, engineAnswers } = reportingEngine([false]);
    const onResults = vi.fn(async () => undefined);
    const tracked = new TrackedSandbox(inner, vi.fn(), engineAnswers);
    await expect(tracked.runSuites([request('a'), request('b')], { onResults })).rejects.toBeInstanceOf(SandboxInfrastructureError);
    expect(onResults).not.toHaveBeenCalled();
  });

  it('keeps a result reported before the engine went away during the clean-up, and reaps that run later', async () => {
    const { inner, engineAnswers } = reportingEngine([true, false]);
    const onResults = vi.fn(async () => undefined);
    const reap = vi.fn(async (_runId: string) => undefined);
    const tracked = new TrackedSandbox(inner, reap, engineAnswers);
    expect(await tracked.run(request('a'), { onResults })).toEqual(result);
    expect(onResults).toHaveBeenCalledWith([result]);
    expect(await tracked.reapFailed()).toBe(1);
    expect(reap).toHaveBeenCalledWith('a');
  });

  it('reports the suites of an engine without runSuites once, all together', async () => {
    const inner = engine();
    const onResults = vi.fn(async () => undefined);
    const tracked = new TrackedSandbox(inner, vi.fn(), async () => true);
    await tracked.runSuites([request('a'), request('b')], { onResults });
    expect(onResults).toHaveBeenCalledOnce();
    expect(onResults).toHaveBeenCalledWith([result, result]);
  });
});
