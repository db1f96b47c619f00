import { Injectable } from '@nestjs/common';
import type { Prisma, Run } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';
import { gradeRun } from './run-results';

/** A candidate's runs: the visible suite, or their own test files (the workbench); both are kind PRACTICE. */
export type PracticeSuite = 'visible' | 'own';
export type PracticeDecision = { run: Run } | { refused: 'busy' } | { refused: 'rate'; oldestInWindow: Date };

/** The only code that writes Run rows in the API (the worker stores results). Every read is scoped by its caller. */
@Injectable()
export class RunsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * A grading run of a submission, inside the transaction that creates the submission: a submission never
   * exists without its grading run.
   */
  insertGrading(tx: Prisma.TransactionClient, input: { submissionId: string; challengeVersionId: string; runtime: string; files: Record<string, string> }) {
    return tx.run.create({ data: { kind: 'GRADING', suite: 'all', ...input }, select: { id: true, kind: true } });
  }

  /**
   * Grades a submission again when its last grading failed on the platform's side (ERROR) and nothing is grading
   * it now. Under the submission's row lock, so two clicks make one run; null when it is not in that state.
   */
  regradeFailed(organizationId: string, submissionId: string) {
    return this.prisma.client.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT s.id FROM "Submission" s JOIN "Attempt" a ON a.id = s."attemptId" JOIN "Invitation" i ON i.id = a."invitationId"
        WHERE s.id = ${submissionId}::uuid AND i."organizationId" = ${organizationId}::uuid FOR UPDATE OF s`;
      if (!locked.length) return { found: false as const };
      const submission = await tx.submission.findUniqueOrThrow({
        where: { id: submissionId },
        select: {
          files: true,
          attempt: { select: { runtime: true, invitation: { select: { assessment: { select: { challengeVersionId: true } } } } } },
          runs: { where: { kind: 'GRADING' }, orderBy: { queuedAt: 'desc' }, take: 1, select: { challengeVersionId: true, status: true, outcome: true } },
        },
      });
      const last = submission.runs[0];
      if (last && (last.status !== 'FINISHED' || last.outcome !== 'ERROR')) return { found: true as const, run: null };
      const run = await this.insertGrading(tx, {
        submissionId,
        // The version it was graded against, so a regrade never silently changes the tests.
        challengeVersionId: last?.challengeVersionId ?? submission.attempt.invitation.assessment.challengeVersionId,
        runtime: submission.attempt.runtime,
        files: submission.files as Record<string, string>,
      });
      return { found: true as const, run };
    });
  }

  /** The reference solution of one runtime against both suites. */
  createVerification(challengeVersionId: string, runtime: string, files: Record<string, string>) {
    return this.prisma.client.run.create({ data: { kind: 'VERIFICATION', challengeVersionId, runtime, suite: 'all', files }, select: { id: true, kind: true } });
  }

  /**
   * Checks both practice limits and creates the run under the attempt's row lock, so two clicks (or two tabs)
   * at once cannot both pass the "one at a time" check. Null when the attempt is no longer in progress.
   * One run at a time across both suites (one sandbox per candidate); the hourly limit counts each suite apart,
   * so running one's own tests never uses up the visible suite's runs.
   */
  createPractice(input: { attemptId: string; challengeVersionId: string; runtime: string; perHour: number; suite: PracticeSuite }): Promise<PracticeDecision | null> {
    return this.prisma.client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Attempt" WHERE id = ${input.attemptId}::uuid FOR UPDATE`;
      if (rows[0]?.status !== 'IN_PROGRESS') return null;
      const where = { attemptId: input.attemptId, kind: 'PRACTICE' as const };
      if ((await tx.run.count({ where: { ...where, status: { not: 'FINISHED' } } })) > 0) return { refused: 'busy' };
      const windowStart = new Date(Date.now() - 3_600_000);
      const recent = await tx.run.findMany({ where: { ...where, suite: input.suite, queuedAt: { gt: windowStart } }, orderBy: { queuedAt: 'asc' }, select: { queuedAt: true } });
      if (recent.length >= input.perHour) return { refused: 'rate', oldestInWindow: recent[0].queuedAt };
      const drafts = await tx.draftFile.findMany({ where: { attemptId: input.attemptId }, select: { path: true, content: true } });
      const run = await tx.run.create({
        data: {
          kind: 'PRACTICE',
          attemptId: input.attemptId,
          challengeVersionId: input.challengeVersionId,
          runtime: input.runtime,
          suite: input.suite,
          files: Object.fromEntries(drafts.map((f) => [f.path, f.content])),
        },
      });
      return { run };
    });
  }

  /**
   * Every run names its challenge version, and through it the organization that may see it. Within it, a
   * reviewer sees only grading runs of submissions assigned to them: hidden test results and logs of other
   * submissions (and the team's verification and practice runs) are not theirs to read, even by id.
   */
  findVisibleTo(user: { id: string; role: string; organization: { id: string } }, runId: string) {
    const inOrganization = { challengeVersion: { challenge: { organizationId: user.organization.id } } };
    const scope = user.role === 'REVIEWER' ? { submission: { assignments: { some: { reviewerId: user.id } } } } : {};
    return this.prisma.client.run.findFirst({ where: { id: runId, ...inOrganization, ...scope } });
  }

  /** Scoped by attempt and kind: a candidate never reaches a grading run, nor anyone else's run. */
  findPractice(attemptId: string, runId: string) {
    return this.prisma.client.run.findFirst({ where: { id: runId, attemptId, kind: 'PRACTICE' } });
  }

  /** When each practice run of one suite in the rolling hour was queued, oldest first: the hourly limit counts these. */
  practiceWindow(attemptId: string, suite: PracticeSuite = 'visible') {
    const windowStart = new Date(Date.now() - 3_600_000);
    return this.prisma.client.run.findMany({
      where: { attemptId, kind: 'PRACTICE', suite, queuedAt: { gt: windowStart } },
      orderBy: { queuedAt: 'asc' },
      select: { queuedAt: true },
    });
  }

  recentPractice(attemptId: string, suite: PracticeSuite) {
    return this.prisma.client.run.findMany({ where: { attemptId, kind: 'PRACTICE', suite }, orderBy: { queuedAt: 'desc' }, take: 10 });
  }

  /** Every visible-suite practice run of an attempt, oldest first, for the review page's playback (outcome and score only). */
  practiceHistory(attemptId: string) {
    return this.prisma.client.run.findMany({
      where: { attemptId, kind: 'PRACTICE', suite: 'visible' },
      orderBy: { queuedAt: 'asc' },
      select: { queuedAt: true, outcome: true, score: true, maxScore: true },
    });
  }

  /** The grade of an attempt's submission (see GRADE_WHERE), with its tests. */
  gradeOfAttempt(attemptId: string) {
    return this.prisma.client.submission.findUnique({ where: { attemptId }, select: { runs: gradeRun({ tests: true }) } }).then((s) => s?.runs[0] ?? null);
  }

  /** What the reference solution scored when the version was last verified (any runtime): a completed run only. */
  referenceTests(challengeVersionId: string) {
    return this.prisma.client.run.findFirst({
      where: { challengeVersionId, kind: 'VERIFICATION', status: 'FINISHED', outcome: 'COMPLETED' },
      orderBy: { finishedAt: 'desc' },
      select: { tests: true },
    });
  }

  /** Oldest first and bounded, so a long outage is caught up over a few sweeps rather than in one burst. */
  findQueuedBefore(before: Date) {
    return this.prisma.client.run.findMany({
      where: { status: 'QUEUED', queuedAt: { lt: before } },
      select: { id: true, kind: true },
      orderBy: { queuedAt: 'asc' },
      take: 200,
    });
  }
}
