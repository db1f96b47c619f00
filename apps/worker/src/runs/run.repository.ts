import type { Prisma, PrismaClient, RunKind, RunOutcome } from '@takehome/db';

export type RunForExecution = NonNullable<Awaited<ReturnType<RunRepository['findForExecution']>>>;

export interface StoredResult {
  outcome: RunOutcome;
  score: number;
  maxScore: number;
  tests: Prisma.InputJsonValue;
  logs: string;
  executionMs: number;
}

/** The worker's only access to runs in PostgreSQL. */
export class RunRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findForExecution(runId: string) {
    return this.prisma.run.findUnique({
      where: { id: runId },
      include: { challengeVersion: { select: { id: true, manifest: true, files: true } } },
    });
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
   * twice (a retry, or a stalled job recovered while the first worker still finished) count once.
   * Returns the run's kind when this call stored the result, null when an earlier one had.
   */
  async storeResult(runId: string, result: StoredResult): Promise<RunKind | null> {
    const { count } = await this.prisma.run.updateMany({
      where: { id: runId, status: { not: 'FINISHED' } },
      data: { ...result, status: 'FINISHED', finishedAt: new Date() },
    });
    if (count !== 1) return null;
    return (await this.prisma.run.findUniqueOrThrow({ where: { id: runId }, select: { kind: true } })).kind;
  }
}
