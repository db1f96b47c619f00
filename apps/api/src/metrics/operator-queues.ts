import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QueueName } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { QUEUE_WRITE_TIMEOUT_MS, withTimeout } from '../common/with-timeout';

/** Every queue the platform has, read-only, for the operators' views (metrics and the queue dashboard). */
@Injectable()
export class OperatorQueues {
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(QueueName.Grading) grading: Queue,
    @InjectQueue(QueueName.Practice) practice: Queue,
    @InjectQueue(QueueName.Verification) verification: Queue,
  ) {
    this.queues = [grading, practice, verification];
  }

  all(): Queue[] {
    return this.queues;
  }

  /** Jobs per state in each queue; empty while Redis is away, so a scrape never hangs on it. */
  async counts(): Promise<{ name: string; counts: Record<string, number> }[]> {
    const read = Promise.all(
      this.queues.map(async (queue) => ({ name: queue.name, counts: await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed') })),
    );
    return withTimeout(read, QUEUE_WRITE_TIMEOUT_MS, 'reading queue depth').catch(() => []);
  }
}
