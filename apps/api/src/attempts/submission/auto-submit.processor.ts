import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DEADLINE_QUEUE } from './deadline-scheduler';
import { SubmissionsService } from './submissions.service';

/** Submits an attempt's last saved state when its time is up; lazy enforcement covers a late or lost job. */
@Processor(DEADLINE_QUEUE, { concurrency: 4 })
export class AutoSubmitProcessor extends WorkerHost {
  constructor(private readonly submissions: SubmissionsService) {
    super();
  }

  async process(job: Job<{ attemptId: string }>): Promise<void> {
    await this.submissions.autoSubmitIfDue(job.data.attemptId);
  }
}
