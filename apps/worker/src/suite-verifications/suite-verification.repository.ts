import type { Prisma, PrismaClient } from '@takehome/db';

/** The worker's access to suite verifications: it owns their progress counters and their result. */
export class SuiteVerificationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  find(id: string) {
    return this.prisma.suiteVerification.findUnique({
      where: { id },
      select: { id: true, status: true, runsPerSubject: true, runtimes: true, challengeVersionId: true },
    });
  }

  versionMaterial(challengeVersionId: string) {
    return this.prisma.challengeVersion.findUniqueOrThrow({ where: { id: challengeVersionId }, select: { files: true, mutantSources: true } });
  }

  /** A redelivered job starts over: the counters restart with it, so progress never passes the total. */
  async start(id: string, totalRuns: number): Promise<boolean> {
    const { count } = await this.prisma.suiteVerification.updateMany({
      where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'RUNNING', startedAt: new Date(), doneRuns: 0, runMsTotal: 0, totalRuns },
    });
    return count === 1;
  }

  async runDone(id: string, durationMs: number): Promise<void> {
    await this.prisma.suiteVerification.updateMany({
      where: { id, status: 'RUNNING' },
      data: { doneRuns: { increment: 1 }, runMsTotal: { increment: durationMs } },
    });
  }

  /** Compare-and-set: the first delivery to finish writes the result, a late duplicate changes nothing. */
  async finish(id: string, result: Prisma.InputJsonValue): Promise<boolean> {
    const { count } = await this.prisma.suiteVerification.updateMany({
      where: { id, status: 'RUNNING' },
      data: { status: 'FINISHED', result, finishedAt: new Date() },
    });
    return count === 1;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.prisma.suiteVerification.updateMany({
      where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'FAILED', error: error.slice(0, 2000), finishedAt: new Date() },
    });
  }
}
