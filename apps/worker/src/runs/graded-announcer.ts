import { GRADED_JOB, GRADED_QUEUE, gradedJobOptions } from '@takehome/jobs';
import { type ConnectionOptions, Queue } from 'bullmq';

/** Hands the API each stored grading result, so it can tell integrations (webhooks are the API's). */
export class GradedAnnouncer {
  private readonly queue: Queue;

  constructor(connection: ConnectionOptions, prefix: string) {
    this.queue = new Queue(GRADED_QUEUE, { connection, prefix });
  }

  async announce(runId: string): Promise<void> {
    await this.queue.add(GRADED_JOB, { runId }, gradedJobOptions(runId));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
