import { Processor, WorkerHost } from '@nestjs/bullmq';
import { GRADED_QUEUE } from '@takehome/jobs';
import type { Job } from 'bullmq';
import { WebhooksService } from '../../webhooks/webhooks.service';
import { SubmissionsRepository } from './submissions.repository';

/**
 * Tells integrations a submission is graded once a worker stored its grading result. The payload carries the
 * overall score only; per-test (hidden) results stay inside the platform.
 */
@Processor(GRADED_QUEUE)
export class GradedWebhookProcessor extends WorkerHost {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly webhooks: WebhooksService,
  ) {
    super();
  }

  async process(job: Job<{ runId: string }>): Promise<void> {
    const run = await this.submissions.findGradingResult(String(job.data?.runId));
    if (!run?.submission) return;
    const { invitation } = run.submission.attempt;
    await this.webhooks.emit(invitation.organizationId, 'submission.graded', {
      submissionId: run.submission.id,
      invitationId: invitation.id,
      assessmentId: invitation.assessmentId,
      outcome: run.outcome,
      score: run.score,
      maxScore: run.maxScore,
      gradedAt: run.finishedAt?.toISOString() ?? null,
    });
  }
}
