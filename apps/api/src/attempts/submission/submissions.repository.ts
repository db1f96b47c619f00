import { Injectable } from '@nestjs/common';
import { CANDIDATE_SESSION_AFTER_END_MS } from '../../invitations/invitation-links.service';
import { PrismaService } from '../../database/prisma.service';
import { submissionHash } from './submission-hash';

export interface SubmitInput {
  attemptId: string;
  automatic: boolean;
  challengeVersionId: string;
  runtime: string;
}

@Injectable()
export class SubmissionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Submits at most once. Flipping the status is the guard: a concurrent manual submit and auto-submit both try,
   * one flips it, the other gets null. The flip takes the attempt's row lock, which waits for any save holding
   * it (drafts.repository.ts), so the snapshot read right after sees every save that was accepted.
   */
  submit(input: SubmitInput) {
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
        data: { attemptId: input.attemptId, files, contentHash: submissionHash(drafts), automatic: input.automatic, createdAt: now },
      });
      const run = await tx.run.create({
        data: {
          kind: 'GRADING',
          submissionId: submission.id,
          challengeVersionId: input.challengeVersionId,
          runtime: input.runtime,
          suite: 'all',
          files,
        },
      });
      return { submission, runId: run.id, fileCount: drafts.length };
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
   * A finished grading run with what a "graded" webhook names; null for any other run (or a malformed id), and
   * for a platform failure (ERROR), which is not a grade to announce.
   */
  findGradingResult(runId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(runId)) return Promise.resolve(null);
    return this.prisma.client.run.findFirst({
      where: { id: runId, kind: 'GRADING', status: 'FINISHED', outcome: { not: 'ERROR' } },
      select: {
        outcome: true,
        score: true,
        maxScore: true,
        finishedAt: true,
        submission: { select: { id: true, attempt: { select: { invitation: { select: { id: true, organizationId: true, assessmentId: true } } } } } },
      },
    });
  }
}
