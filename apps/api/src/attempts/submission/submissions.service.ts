import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { SubmissionReceipt } from '@takehome/contracts';
import { CandidateSessionsService } from '../../candidate-sessions/candidate-sessions.service';
import { RunsService } from '../../runs/runs.service';
import { WebhooksService } from '../../webhooks/webhooks.service';
import { writesCloseAt } from '../attempt-deadline';
import { type CandidateInvitation, writableAttempt } from '../candidate/candidate-context';
import { DeadlineScheduler } from './deadline-scheduler';
import { WorkbenchRelayClient } from '../workbench/workbench-relay.client';
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
    private readonly runs: RunsService,
    private readonly scheduler: DeadlineScheduler,
    private readonly webhooks: WebhooksService,
    private readonly sessions: CandidateSessionsService,
    private readonly workbench: WorkbenchRelayClient,
  ) {}

  /** The candidate's explicit submit. */
  async submit(current: CandidateInvitation): Promise<SubmissionReceipt> {
    const invitation = await this.enforceDeadline(current);
    const done = await this.submitOnce(this.submittable(invitation, writableAttempt(invitation)), false);
    if (!done) throw new ConflictException({ message: 'Your work is already submitted.', code: 'submitted' });
    return { submittedAt: done.submission.createdAt.toISOString(), automatic: false, fileCount: done.fileCount, contentHash: done.submission.contentHash };
  }

  /**
   * The lazy half of deadline enforcement, called by every candidate service before it acts (the delayed
   * auto-submit job is the other half): an attempt past its deadline plus grace is submitted now, even when the
   * job is late or lost, so no candidate request ever acts on an expired attempt. Costs nothing before the
   * deadline (a comparison); returns the invitation as it now stands.
   */
  async enforceDeadline(invitation: CandidateInvitation): Promise<CandidateInvitation> {
    const attempt = invitation.attempt;
    if (!attempt || attempt.status !== 'IN_PROGRESS' || Date.now() <= writesCloseAt(attempt.deadline, invitation.assessment.graceSeconds).getTime()) return invitation;
    await this.submitOnce(this.submittable(invitation, attempt), true);
    return (await this.sessions.reload(invitation.id)) ?? invitation;
  }

  /**
   * The delayed job. A deadline moved later (more accommodation) is not due yet: schedule it again instead.
   * A revoked invitation's work is never submitted: the team withdrew it, so there is nothing to grade.
   */
  async autoSubmitIfDue(attemptId: string, reason: AutomaticReason = 'deadline'): Promise<boolean> {
    const attempt = await this.repository.findAttemptForDeadline(attemptId);
    if (!attempt || attempt.status !== 'IN_PROGRESS' || attempt.invitation.status === 'REVOKED') return false;
    const { invitation } = attempt;
    const dueAt = writesCloseAt(attempt.deadline, invitation.assessment.graceSeconds);
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
      if (writesCloseAt(attempt.deadline, attempt.invitation.assessment.graceSeconds).getTime() >= now) continue;
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
    // submission.created is recorded in the submit's transaction (an outbox): it exists exactly when the
    // submission does, even when a burst leaves no free connection for a statement of its own afterwards.
    const done = await this.repository.submit({ attemptId: attempt.id, automatic, automaticReason, challengeVersionId: attempt.challengeVersionId, runtime: attempt.runtime }, (tx, submission) =>
      this.webhooks.record(tx, attempt.organizationId, 'submission.created', {
        submissionId: submission.id,
        assessmentId: attempt.assessmentId,
        invitationId: attempt.invitationId,
        automatic,
      }),
    );
    if (!done) return null;
    // After the commit: the submission is safe even if Redis is briefly away (see RunsService.dispatch).
    await this.runs.dispatch(done.run);
    // Not awaited: the candidate never waits on an ATS's queue; a delivery that misses it is already recorded,
    // and the announcer's sweep (dispatchStranded) queues it later.
    void this.webhooks
      .dispatch(done.recorded)
      .catch((error: Error) => this.logger.warn(`submission.created webhook for attempt ${attempt.id} recorded, to be queued later: ${error.message}`));
    // The candidate's service and terminal have nothing left to do; not awaited, so a slow sandbox never delays a submission.
    void this.workbench.stopAttempt(attempt.id).catch((error: Error) => this.logger.warn(`workbench of attempt ${attempt.id} not stopped: ${error.message}`));
    this.logger.log(`attempt ${attempt.id} submitted${automatic ? ' automatically at its deadline' : ''}`);
    return done;
  }
}
