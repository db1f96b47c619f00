import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { RunKind } from '@takehome/contracts';
import { jobForRunKind, jobOptions, jobQueue, QueueName } from '@takehome/jobs';
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
   * after a short wait while Redis is away (RunsService.dispatch logs it); the run row stays QUEUED and
   * StaleRunRequeuer queues it later.
   */
  async enqueue(run: { id: string; kind: RunKind }): Promise<void> {
    const name = jobForRunKind[run.kind];
    const queue = jobQueue[name] === QueueName.Grading ? this.grading : this.practice;
    await withTimeout(queue.add(name, { runId: run.id }, jobOptions(name, { runId: run.id })), QUEUE_WRITE_TIMEOUT_MS, `queueing ${name}`);
  }
}
