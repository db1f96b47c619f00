import { type RunOptions, type RunRequest, type RunResult, SandboxInfrastructureError, type SandboxRunner } from '@takehome/sandbox';

/**
 * Checks each run's engine once the run is over: an engine shutting down stops the run's containers under it
 * (an exec then fails, a service dies mid-suite), which looks like the candidate's fault but is not. Such a
 * result is not kept: the run fails as an infrastructure fault and is handed back to the queue.
 *
 * Remembers the runs whose sandbox failed for the platform's sake (usually: the engine went away mid-run). Their
 * own clean-up ran against the same missing engine, so their containers, networks and volumes may still be on
 * it; `reapFailed` removes them once the engine answers again. Only those runs: a live run of this worker, or a
 * workbench session, on the same engine is never touched.
 */
export class TrackedSandbox implements SandboxRunner {
  private readonly failed = new Set<string>();

  constructor(
    private readonly inner: SandboxRunner,
    private readonly reap: (runId: string) => Promise<unknown>,
    private readonly engineAnswers: () => Promise<boolean>,
  ) {}

  async run(request: RunRequest, options?: RunOptions): Promise<RunResult> {
    try {
      const result = await this.inner.run(request, options);
      if (!(await this.engineAnswers())) throw new SandboxInfrastructureError('the Docker engine went away during the run; its result is not kept');
      return result;
    } catch (error) {
      if (typeof request?.runId === 'string') this.failed.add(request.runId);
      throw error;
    }
  }

  /** Both suites of a grading on one boot, where the engine offers it; kept or handed back like `run`. */
  async runSuites(requests: RunRequest[], options?: RunOptions): Promise<RunResult[]> {
    if (!this.inner.runSuites) {
      const results: RunResult[] = [];
      for (const request of requests) results.push(await this.run(request, options));
      return results;
    }
    try {
      const results = await this.inner.runSuites(requests, options);
      if (!(await this.engineAnswers())) throw new SandboxInfrastructureError('the Docker engine went away during the run; its result is not kept');
      return results;
    } catch (error) {
      for (const request of requests) if (typeof request?.runId === 'string') this.failed.add(request.runId);
      throw error;
    }
  }

  /** Reaps every failed run's leftovers; returns how many runs were cleared. Throws while the engine is away. */
  async reapFailed(): Promise<number> {
    let cleared = 0;
    for (const runId of [...this.failed]) {
      await this.reap(runId);
      this.failed.delete(runId);
      cleared++;
    }
    return cleared;
  }
}
