import { jobPayloads, type JobName, QueueName } from '@takehome/jobs';
import { type ConnectionOptions, DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { JobHandler } from './jobs/job-handler';
import type { Logger } from './logger';

export interface QueueWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  registry: Map<JobName, JobHandler>;
  concurrency: Record<QueueName, number>;
  /** How long a job's lock lives without renewal; a crashed worker's job is recovered after about this long. */
  lockDurationMs: number;
  logger: Logger;
  /** Told when a job starts, with when it was queued, for the queue-wait metric. */
  onJobStarted?(queue: string, queuedAt: number, startedAt: number): void;
  /** The queue gave up on a job after its last retry. */
  onGaveUp(job: Job, error: Error): Promise<void>;
  /**
   * This worker's Docker engine: `up` is the last known state, `check()` probes it now. A job taken while the
   * engine is away, or that failed because it went away, goes back to the queue without using up a retry, so
   * a worker on another engine takes it promptly.
   */
  engine?: { readonly up: boolean; check(): Promise<boolean> };
}

// Long enough for a worker whose engine just vanished to pause before the job is due again.
const HAND_BACK_DELAY_MS = 1_000;

/** One BullMQ worker per queue, dispatching each job to its handler by name after checking its payload. */
export function startQueueWorkers(options: QueueWorkerOptions): Worker[] {
  const { registry, logger } = options;
  const handBack = async (job: Job, token: string | undefined, why: string) => {
    logger.warn({ queue: job.queueName, jobId: job.id, why }, 'Docker engine away: job handed back to the queue');
    await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
    // Tells BullMQ the job was moved on purpose: no failure, no retry counted.
    throw new DelayedError();
  };
  const process = async (job: Job, token?: string) => {
    if (options.engine && !options.engine.up) return handBack(job, token, 'engine down before the job started');
    try {
      await run(job);
    } catch (error) {
      if (error instanceof UnrecoverableError || !options.engine || (await options.engine.check())) throw error;
      return handBack(job, token, (error as Error).message);
    }
  };
  const run = async (job: Job) => {
    options.onJobStarted?.(job.queueName, job.timestamp, job.processedOn ?? Date.now());
    const name = job.name as JobName;
    const handler = registry.get(name);
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const payload = jobPayloads[name].safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`job "${job.name}" has a malformed payload: ${payload.error.message}`);
    await handler.handle(payload.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  };
  return Object.values(QueueName).map((queue) => {
    const worker = new Worker(queue, process, {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency[queue],
      lockDuration: options.lockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockDurationMs / 2)),
      // A job whose worker died twice mid-run is failed rather than retried forever.
      maxStalledCount: 2,
    });
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      logger.warn({ queue, jobId: job.id, attempt: job.attemptsMade, final, err: error.message }, 'job failed');
      if (final) options.onGaveUp(job, error).catch((e) => logger.error({ err: e }, 'could not record the failure'));
    });
    worker.on('error', (error) => logger.error({ queue, err: error.message }, 'queue worker error'));
    return worker;
  });
}
