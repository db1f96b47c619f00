import type { Prisma } from '@takehome/db';
import type { JobContext } from '../jobs/job-handler';
import type { Logger } from '../logger';
import { mergeResults, type RunResult, type SandboxRunner } from '@takehome/sandbox';
import type { GradedAnnouncer } from './graded-announcer';
import type { RunEvents } from './run-events';
import { buildSandboxRequests } from './sandbox-requests';
import type { RunRepository, StoredResult } from './run.repository';

const outcomes = { completed: 'COMPLETED', timeout: 'TIMEOUT', error: 'ERROR', oom: 'OOM', not_ready: 'NOT_READY', build_failed: 'BUILD_FAILED' } as const;

/**
 * Executes one run: sandbox in, one stored result out. A candidate's failing, crashing or hanging code is a
 * result like any other; only infrastructure faults (Docker or the database unreachable) throw, so that the
 * queue retries them with backoff.
 */
export class RunExecutor {
  constructor(
    private readonly runs: RunRepository,
    private readonly sandbox: SandboxRunner,
    private readonly events: RunEvents,
    private readonly logger: Logger,
    private readonly graded?: Pick<GradedAnnouncer, 'announce'>,
  ) {}

  async execute(runId: string, context: JobContext): Promise<void> {
    const run = await this.runs.findForExecution(runId);
    if (!run) return this.logger.warn({ runId }, 'run no longer exists; job dropped');
    if (run.status === 'FINISHED') return this.logger.info({ runId }, 'run already has a result; job dropped');
    await this.runs.markRunning(runId);
    this.events.publish({ type: 'running', runId });
    this.logger.info({ runId, kind: run.kind, suite: run.suite, attempt: context.attempt }, 'run started');

    let requests;
    try {
      requests = buildSandboxRequests(run);
    } catch (error) {
      // A run that cannot even be assembled (a corrupt stored package, an unsupported runtime) fails the same
      // way every time: record it at once instead of retrying.
      return this.store(runId, failure(`The run could not be prepared: ${(error as Error).message}`));
    }
    const results: RunResult[] = [];
    for (const request of requests) {
      results.push(
        await this.sandbox.run(request, {
          onProgress: (p) => this.events.publish({ type: 'progress', runId, phase: p.phase, message: p.message }),
        }),
      );
    }
    const result = mergeResults(results);
    await this.store(runId, toStoredResult(result));
  }

  /** Called once the queue has given up retrying: the run still ends with a result, never stays "running". */
  async failForInfrastructure(runId: string, error: Error, attempts: number): Promise<void> {
    await this.store(runId, failure(`The platform could not run this (after ${attempts} attempt(s)): ${error.message}`));
  }

  private async store(runId: string, result: StoredResult) {
    const kind = await this.runs.storeResult(runId, result);
    if (!kind) return this.logger.info({ runId }, 'result already stored by an earlier delivery; kept that one');
    this.events.publish({ type: 'finished', runId, outcome: result.outcome, score: result.score, maxScore: result.maxScore });
    this.logger.info({ runId, outcome: result.outcome, score: result.score, maxScore: result.maxScore }, 'run finished');
    if (kind === 'GRADING' && this.graded) {
      // The grade is stored either way; an announcement lost to a Redis outage costs one webhook, not a result.
      await this.graded.announce(runId).catch((error: Error) => this.logger.error({ runId, error: error.message }, 'graded run not announced to the API'));
    }
  }
}

function failure(logs: string): StoredResult {
  return { outcome: 'ERROR', score: 0, maxScore: 0, tests: [], logs, executionMs: 0 };
}

function toStoredResult(result: RunResult): StoredResult {
  return {
    outcome: outcomes[result.status],
    score: result.score,
    maxScore: result.max_score,
    tests: result.tests as unknown as Prisma.InputJsonValue,
    logs: result.output,
    executionMs: Math.round(result.execution_time),
  };
}
