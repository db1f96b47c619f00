import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { Semaphore } from 'async-mutex';
import { CANDIDATE_SESSION_AFTER_END_MS } from '../../candidate-sessions/candidate-sessions.service';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { PrismaService } from '../../database/prisma.service';
import { ReviewAssigner } from '../../reviews/review-assigner';
import { RunsRepository } from '../../runs/runs.repository';
import { submissionHash } from './submission-hash';

/** Why the platform, not the candidate, submitted: on time, or caught by the sweep after an outage. */
export type AutomaticReason = 'deadline' | 'deadline-recovered';

/** Writes that commit with the submission (the webhook outbox); returns what the caller dispatches after. */
export type WithinSubmit<T> = (tx: Prisma.TransactionClient, submission: { id: string }) => Promise<T>;

export interface SubmitInput {
  attemptId: string;
  automatic: boolean;
  automaticReason?: AutomaticReason;
  challengeVersionId: string;
  runtime: string;
}

@Injectable()
export class SubmissionsRepository {
  /**
   * Submits of this process that may hold a pooled connection at once. Each ends in its organization's queue for
   * the reviewer-assignment lock (review-assigner.ts) while holding a connection, so a deadline burst of 50 took
   * the whole pool and starved every other request (a save, the session guard) into "timeout exceeded when
   * trying to connect", a 503. A third of the pool keeps that lock busy; the rest wait here, in memory.
   */
  private readonly submitting: Semaphore;

  constructor(
    private readonly prisma: PrismaService,
    private readonly runs: RunsRepository,
    private readonly assigner: ReviewAssigner,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.submitting = new Semaphore(Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 3)));
  }

  /**
   * Submits at most once. Flipping the status is the guard: a concurrent manual submit and auto-submit both try,
   * one flips it, the other gets null. The flip takes the attempt's row lock, which waits for any save holding
   * it (drafts.repository.ts), so the snapshot read right after sees every save that was accepted.
   * `within` runs last in the same transaction, so what it records exists exactly when the submission does.
   */
  submit<T>(input: SubmitInput, within: WithinSubmit<T>) {
    return this.submitting.runExclusive(() => this.submitNow(input, within));
  }

  private submitNow<T>(input: SubmitInput, within: WithinSubmit<T>) {
    return this.prisma.client.$transaction(async (tx) => {
      const now = new Date();
      const flipped = await tx.attempt.updateMany({
        where: { id: input.attemptId, status: 'IN_PROGRESS' },
        data: { status: input.automatic ? 'EXPIRED_SUBMITTED' : 'SUBMITTED', submittedAt: now },
      });
      if (flipped.count === 0) return null;
      // The attempt has ended: its sessions last only the grace period from now (survey, confirmation).
      const { invitationId } = await tx.attempt.findUniqueOrThrow({ where: { id: input.attemptId }, select: { invitationId: true } });
      await tx.candidateSession.updateMany({
        where: { invitationId, expiresAt: { gt: new Date(now.getTime() + CANDIDATE_SESSION_AFTER_END_MS) } },
        data: { expiresAt: new Date(now.getTime() + CANDIDATE_SESSION_AFTER_END_MS) },
      });
      const drafts = await tx.draftFile.findMany({ where: { attemptId: input.attemptId }, orderBy: { path: 'asc' } });
      const files = Object.fromEntries(drafts.map((f) => [f.path, f.content]));
      const submission = await tx.submission.create({
        data: { attemptId: input.attemptId, files, contentHash: submissionHash(drafts), automatic: input.automatic, automaticReason: input.automatic ? (input.automaticReason ?? 'deadline') : null, createdAt: now },
      });
      const run = await this.runs.insertGrading(tx, { submissionId: submission.id, challengeVersionId: input.challengeVersionId, runtime: input.runtime, files });
      // Pilot submissions too: the pilot report reads their reviews to calibrate the rubric.
      const review = await this.assigner.assignIn(tx, submission.id);
      const recorded = await within(tx, submission);
      return { submission, run, review, fileCount: drafts.length, recorded };
    });
  }

  findSubmission(attemptId: string) {
    return this.prisma.client.submission.findUnique({ where: { attemptId }, select: { createdAt: true, automatic: true, contentHash: true, files: true } });
  }

  /** For the delayed job, which has only an attempt id. */
  findAttemptForDeadline(attemptId: string) {
    return this.prisma.client.attempt.findUnique({
      where: { id: attemptId },
      include: { invitation: { select: { organizationId: true, assessmentId: true, status: true, assessment: { select: { graceSeconds: true, challengeVersionId: true } } } } },
    });
  }

  /**
   * Attempts still IN_PROGRESS whose deadline passed before `before` (the grace is checked by the caller, since
   * it is per assessment): the ones whose delayed job was lost while the API or Redis was down.
   */
  findOverdueAttempts(before: Date, limit: number) {
    return this.prisma.client.attempt.findMany({
      where: { status: 'IN_PROGRESS', deadline: { lt: before }, invitation: { status: { not: 'REVOKED' } } },
      select: { id: true, deadline: true, invitation: { select: { assessment: { select: { graceSeconds: true } } } } },
      orderBy: { deadline: 'asc' },
      take: limit,
    });
  }
}
