import type { PrismaClient, RunKind } from '@takehome/db';
import type { StoredResult } from './run-result';

export type RunForExecution = NonNullable<Awaited<ReturnType<RunRepository['findForExecution']>>>;

/** The worker's only access to runs in PostgreSQL (its only store besides the progress pub/sub). */
export class RunRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The version's files are not loaded here: the package is parsed once per version and cached (ChallengeCache). */
  findForExecution(runId: string) {
    return this.prisma.run.findUnique({ where: { id: runId } });
  }

  versionFiles(challengeVersionId: string) {
    return this.prisma.challengeVersion.findUniqueOrThrow({ where: { id: challengeVersionId }, select: { files: true } });
  }

  /** Records that a worker picked the run up; harmless to repeat when a job is delivered again. */
  async markRunning(runId: string): Promise<void> {
    await this.prisma.run.updateMany({
      where: { id: runId, status: { not: 'FINISHED' } },
      data: { status: 'RUNNING', startedAt: new Date(), attempts: { increment: 1 } },
    });
  }

  /**
   * Stores the result unless one is stored already: the conditional update is what makes a job that runs
   * twice (a retry, or a stalled job recovered while the first worker still finished) count once. A grading
   * result is written with its announcement (the outbox the API delivers `submission.graded` from) in the
   * same transaction, so a stored grade is announced even if every API process is down at this moment.
   * Returns the run's kind when this call stored the result, null when an earlier one had.
   */
  storeResult(runId: string, result: StoredResult): Promise<RunKind | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.run.updateMany({
        where: { id: runId, status: { not: 'FINISHED' } },
        data: { ...result, status: 'FINISHED', finishedAt: new Date() },
      });
      if (count !== 1) return null;
      const { kind } = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { kind: true } });
      if (kind === 'GRADING') await tx.runAnnouncement.create({ data: { runId } });
      return kind;
    });
  }
}
