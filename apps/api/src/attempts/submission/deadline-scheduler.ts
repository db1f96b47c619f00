import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUE_WRITE_TIMEOUT_MS, withTimeout } from '../../common/with-timeout';

/**
 * The API's own queue, processed inside the API: auto-submission is a database write, not a sandbox run, and
 * the run worker refuses to start with job names it has no handler for, so this is not in @takehome/jobs.
 */
export const DEADLINE_QUEUE = 'candidate-deadlines';
export const AUTO_SUBMIT_JOB = 'auto-submit';

@Injectable()
export class DeadlineScheduler {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(@InjectQueue(DEADLINE_QUEUE) private readonly queue: Queue) {}

  /**
   * The job id names the due time, so a moved deadline schedules a new job and re-scheduling is idempotent.
   * Never fails the caller: while Redis is away the attempt still starts, and DeadlineSweeper submits it on time
   * (within its interval) from the database alone.
   */
  async schedule(attemptId: string, dueAt: Date): Promise<void> {
    await withTimeout(this.add(attemptId, dueAt), QUEUE_WRITE_TIMEOUT_MS, 'scheduling the deadline').catch((error: Error) =>
      this.logger.warn({ attemptId, error: error.message }, 'deadline job not scheduled; the deadline sweep covers it'),
    );
  }

  private add(attemptId: string, dueAt: Date) {
    return this.queue.add(AUTO_SUBMIT_JOB, { attemptId }, {
      jobId: `${AUTO_SUBMIT_JOB}.${attemptId}.${dueAt.getTime()}`,
      delay: Math.max(0, dueAt.getTime() - Date.now()),
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
