import { type RunOptions, type RunRequest, type RunResult, runEachOnItsOwn, SandboxInfrastructureError, type SandboxRunner } from '@takehome/sandbox';

/**
 * Checks each run's engine once its results are known: an engine shutting down stops the run's containers under it
 * (an exec then fails, a service dies mid-suite), which looks like the candidate's fault but is not. Such a
 * result is not kept: the run fails as an infrastructure fault and is handed back to the queue.
 *
 * Remembers the runs whose sandbox failed for the platform's sake (usually: the engine went away mid-run). Their
 * own clean-up ran against the same missing engine, so their containers, networks and volumes may still be on
 * it; `reapFailed` removes them once the engine answers again. Only those runs: a live run of this worker, or a
 * workbench session, on the same engine is never touched.
 */
const ENGINE_WENT_AWAY = 'the Docker engine went away during the run; its result is not kept';

export class TrackedSandbox implements SandboxRunner {
  private readonly failed = new Set<string>();

  constructor(
    private readonly inner: SandboxRunner,
    private readonly reap: (runId: string) => Promise<unknown>,
    private readonly engineAnswers: () => Promise<boolean>,
  ) {}

  async run(request: RunRequest, options?: RunOptions): Promise<RunResult> {
    const [result] = await this.tracked([request], options, (checked) => this.inner.run(request, checked).then((r) => [r]));
    return result;
  }

  /** Both suites of a grading on one boot, where the engine offers it; kept or handed back like `run`. */
  async runSuites(requests: RunRequest[], options?: RunOptions): Promise<RunResult[]> {
    if (!this.inner.runSuites) return runEachOnItsOwn(this, requests, options);
    return this.tracked(requests, options, (checked) => this.inner.runSuites!(requests, checked));
  }

  /**
   * The engine is checked when the results are known: before they are reported (onResults, ahead of the
   * clean-up) or, if nobody asked for them early, once the run is over. A result already reported and kept is
   * not taken back when the engine goes away during the clean-up; the run's leftovers are reaped later instead.
   */
  private async tracked(requests: RunRequest[], options: RunOptions | undefined, work: (checked?: RunOptions) => Promise<RunResult[]>): Promise<RunResult[]> {
    let reported = false;
    const report = options?.onResults;
    const checked = report
      ? {
          ...options,
          onResults: async (results: RunResult[]) => {
            await this.ensureEngineAnswers();
            await report(results);
            reported = true;
          },
        }
      : options;
    try {
      const results = await work(checked);
      if (!(await this.engineAnswers())) {
        if (!reported) throw new SandboxInfrastructureError(ENGINE_WENT_AWAY);
        this.remember(requests);
      }
      return results;
    } catch (error) {
      this.remember(requests);
      throw error;
    }
  }

  private remember(requests: RunRequest[]): void {
    for (const request of requests) if (typeof request?.runId === 'string') this.failed.add(request.runId);
  }

  private async ensureEngineAnswers(): Promise<void> {
    if (!(await this.engineAnswers())) throw new SandboxInfrastructureError(ENGINE_WENT_AWAY);
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
