import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobName, jobOptions, QueueName } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { QUEUE_WRITE_TIMEOUT_MS, withTimeout } from '../common/with-timeout';

/** The API's producer side of the verification queue; the worker's SuiteVerifier consumes it. */
@Injectable()
export class SuiteVerificationQueue {
  constructor(@InjectQueue(QueueName.Verification) private readonly queue: Queue) {}

  async enqueue(suiteVerificationId: string): Promise<void> {
    const payload = { suiteVerificationId };
    await withTimeout(this.queue.add(JobName.VerifySuites, payload, jobOptions(JobName.VerifySuites, payload)), QUEUE_WRITE_TIMEOUT_MS, 'queueing a suite verification');
  }
}
