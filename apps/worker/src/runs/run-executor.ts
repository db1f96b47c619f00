import { ChallengeFormatError, ChallengePackageCache } from '@takehome/challenge';
import { mergeResults, runEachOnItsOwn, type RunPhase, type RunResult, type SandboxRunner } from '@takehome/sandbox';
import type { JobContext } from '../jobs/job-handler';
import { noRunMetrics, type RunMetrics } from '../metrics/worker-metrics';
import type { Logger } from '../logger';
import type { RunEvents } from './run-events';
import { failure, type StoredResult, toStoredResult } from './run-result';
import type { RunRepository } from './run.repository';
import { buildSandboxRequests } from './sandbox-requests';

/**
 * Executes one run: sandbox in, one stored result out. A candidate's failing, crashing or hanging code is a
 * result like any other; only infrastructure faults (Docker or the database unreachable) throw, so that the
 * queue retries them with backoff. The worker writes only to PostgreSQL (and publishes progress): a stored
 * grading result carries its own announcement, which the API delivers.
 */
export class RunExecutor {
  constructor(
    private readonly runs: RunRepository,
    private readonly sandbox: SandboxRunner,
    private readonly events: RunEvents,
    private readonly logger: Logger,
    private readonly packages = new ChallengePackageCache(),
    private readonly metrics: RunMetrics = noRunMetrics,
  ) {}

  async execute(runId: string, context: JobContext): Promise<void> {
    const run = await this.runs.findForExecution(runId);
    if (!run) return this.logger.warn({ runId }, 'run no longer exists; job dropped');
    if (run.status === 'FINISHED') return this.logger.info({ runId }, 'run already has a result; job dropped');
    await this.runs.markRunning(runId);
    this.events.publish({ type: 'running', runId });
    this.logger.info({ runId, kind: run.kind, suite: run.suite, attempt: context.attempt }, 'run started');

    // A run that cannot even be assembled (a corrupt stored package, an unsupported runtime) fails the same
    // way every time: record it at once instead of retrying. The database being away is retried like Docker.
    const prepare = (error: Error) => this.store(runId, failure(`The run could not be prepared: ${error.message}`), run.queuedAt);
    let requests;
    try {
      const pkg = await this.packages.get(run.challengeVersionId, async () => (await this.runs.versionFiles(run.challengeVersionId)).files);
      requests = buildSandboxRequests(run, pkg);
    } catch (error) {
      if (error instanceof ChallengeFormatError || !isDatabaseError(error)) return prepare(error as Error);
      throw error;
    }
    // The grade is stored and announced as soon as the sandbox has it; its containers are removed after.
    let stored = false;
    const storeOnce = async (results: RunResult[]) => {
      await this.store(runId, toStoredResult(mergeResults(results)), run.queuedAt);
      stored = true;
    };
    const options = {
      onProgress: (p: { phase: RunPhase; message: string }) => this.events.publish({ type: 'progress', runId, phase: p.phase, message: p.message }),
      onResults: storeOnce,
    };
    // Both suites of a grading against one boot of the service where the engine can (half the Docker work).
    let results: RunResult[];
    if (requests.length === 1) results = [await this.sandbox.run(requests[0], options)];
    else if (this.sandbox.runSuites) results = await this.sandbox.runSuites(requests, options);
    else results = await runEachOnItsOwn(this.sandbox, requests, options);
    // A sandbox that does not report early: stored once everything is over.
    if (!stored) await storeOnce(results);
  }

  /** Called once the queue has given up retrying: the run still ends with a result, never stays "running". */
  async failForInfrastructure(runId: string, error: Error, attempts: number): Promise<void> {
    await this.store(runId, failure(`The platform could not run this (after ${attempts} attempt(s)): ${error.message}`));
  }

  private async store(runId: string, result: StoredResult, queuedAt?: Date) {
    const kind = await this.runs.storeResult(runId, result);
    if (!kind) return this.logger.info({ runId }, 'result already stored by an earlier delivery; kept that one');
    if (queuedAt) this.metrics.runFinished(kind, result.outcome, queuedAt);
    this.events.publish({ type: 'finished', runId, outcome: result.outcome, score: result.score, maxScore: result.maxScore });
    this.logger.info({ runId, kind, outcome: result.outcome, score: result.score, maxScore: result.maxScore }, 'run finished');
  }
}

/** Prisma's errors say the store failed, not the package: those are infrastructure faults, retried. */
function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && /^Prisma/.test(error.constructor.name);
}
