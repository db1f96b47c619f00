import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobName, jobOptions, jobQueue, QueueName } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { QUEUE_WRITE_TIMEOUT_MS, withTimeout } from '../common/with-timeout';

/** The API's producer side of the run queues; the worker is the consumer. */
@Injectable()
export class RunQueueService {
  constructor(
    @InjectQueue(QueueName.Grading) private readonly grading: Queue,
    @InjectQueue(QueueName.Practice) private readonly practice: Queue,
  ) {}

  /**
   * Idempotent: the job id is derived from the run id, so enqueueing the same run twice adds one job. Rejects
   * after a short wait while Redis is away; the run row stays QUEUED and StaleRunRequeuer queues it later.
   */
  async enqueue(name: JobName, runId: string): Promise<void> {
    const queue = jobQueue[name] === QueueName.Grading ? this.grading : this.practice;
    await withTimeout(queue.add(name, { runId }, jobOptions(name, { runId })), QUEUE_WRITE_TIMEOUT_MS, `queueing ${name}`);
  }
}
