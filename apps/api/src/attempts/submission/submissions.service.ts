import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { SubmissionReceipt } from '@takehome/contracts';
import { JobName } from '@takehome/jobs';
import { RunQueueService } from '../../runs/run-queue.service';
import { WebhooksService } from '../../webhooks/webhooks.service';
import { acceptsWritesUntil, type CandidateInvitation, writableAttempt } from '../candidate/candidate-context';
import { DeadlineScheduler } from './deadline-scheduler';
import { type AutomaticReason, SubmissionsRepository } from './submissions.repository';

interface SubmittableAttempt {
  id: string;
  runtime: string;
  organizationId: string;
  assessmentId: string;
  invitationId: string;
  challengeVersionId: string;
}

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly runQueue: RunQueueService,
    private readonly scheduler: DeadlineScheduler,
    private readonly webhooks: WebhooksService,
  ) {}

  /** The candidate's explicit submit. */
  async submit(invitation: CandidateInvitation): Promise<SubmissionReceipt> {
    const attempt = writableAttempt(invitation);
    const done = await this.submitOnce(this.submittable(invitation, attempt), false);
    if (!done) throw new ConflictException({ message: 'Your work is already submitted.', code: 'submitted' });
    return { submittedAt: done.submission.createdAt.toISOString(), automatic: false, fileCount: done.fileCount, contentHash: done.submission.contentHash };
  }

  /** Lazy enforcement: true when this call submitted the attempt because its time was up. */
  async enforceDeadline(invitation: CandidateInvitation): Promise<boolean> {
    const attempt = invitation.attempt;
    if (!attempt || attempt.status !== 'IN_PROGRESS' || Date.now() <= acceptsWritesUntil(invitation, attempt)) return false;
    await this.submitOnce(this.submittable(invitation, attempt), true);
    return true;
  }

  /**
   * The delayed job. A deadline moved later (more accommodation) is not due yet: schedule it again instead.
   * A revoked invitation's work is never submitted: the team withdrew it, so there is nothing to grade.
   */
  async autoSubmitIfDue(attemptId: string, reason: AutomaticReason = 'deadline'): Promise<boolean> {
    const attempt = await this.repository.findAttemptForDeadline(attemptId);
    if (!attempt || attempt.status !== 'IN_PROGRESS' || attempt.invitation.status === 'REVOKED') return false;
    const { invitation } = attempt;
    const dueAt = new Date(attempt.deadline.getTime() + invitation.assessment.graceSeconds * 1000);
    if (dueAt.getTime() > Date.now()) {
      await this.scheduler.schedule(attempt.id, dueAt);
      return false;
    }
    const done = await this.submitOnce(
      {
        id: attempt.id,
        runtime: attempt.runtime,
        organizationId: invitation.organizationId,
        assessmentId: invitation.assessmentId,
        invitationId: attempt.invitationId,
        challengeVersionId: invitation.assessment.challengeVersionId,
      },
      true,
      reason,
    );
    return done !== null;
  }

  /**
   * Attempts past their deadline and grace but still IN_PROGRESS: their delayed job never ran (Redis lost it, or
   * the API was down when it was due). Each is submitted from its last saved state; the compare-and-set in
   * submit() keeps it to exactly once even when the job, a candidate's request and this sweep race.
   */
  async submitOverdue(limit = 200): Promise<number> {
    const now = Date.now();
    const overdue = await this.repository.findOverdueAttempts(new Date(now), limit);
    let submitted = 0;
    for (const attempt of overdue) {
      if (attempt.deadline.getTime() + attempt.invitation.assessment.graceSeconds * 1000 >= now) continue;
      if (await this.autoSubmitIfDue(attempt.id, 'deadline-recovered')) submitted++;
    }
    return submitted;
  }

  private submittable(invitation: CandidateInvitation, attempt: { id: string; runtime: string }): SubmittableAttempt {
    return {
      id: attempt.id,
      runtime: attempt.runtime,
      organizationId: invitation.organizationId,
      assessmentId: invitation.assessmentId,
      invitationId: invitation.id,
      challengeVersionId: invitation.assessment.challengeVersionId,
    };
  }

  private async submitOnce(attempt: SubmittableAttempt, automatic: boolean, automaticReason?: AutomaticReason) {
    const done = await this.repository.submit({ attemptId: attempt.id, automatic, automaticReason, challengeVersionId: attempt.challengeVersionId, runtime: attempt.runtime });
    if (!done) return null;
    // After the commit: the submission is safe even if Redis is briefly away; the run row stays QUEUED.
    await this.runQueue.enqueue(JobName.GradeSubmission, done.runId).catch((error: Error) =>
      this.logger.error({ runId: done.runId, error: error.message }, 'grading run stored but not enqueued'),
    );
    await this.webhooks
      .emit(attempt.organizationId, 'submission.created', {
        submissionId: done.submission.id,
        assessmentId: attempt.assessmentId,
        invitationId: attempt.invitationId,
        automatic,
      })
      .catch((error: Error) => this.logger.error({ error: error.message }, 'submission webhook not recorded'));
    this.logger.log(`attempt ${attempt.id} submitted${automatic ? ' automatically at its deadline' : ''}`);
    return done;
  }
}
