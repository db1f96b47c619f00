import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** Suite verifications, always reached through the caller's organization. The worker writes their progress. */
@Injectable()
export class SuiteVerificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The version with what a verification needs to be planned: its runtimes and its mutants' runtimes. */
  findVersion(organizationId: string, challengeId: string, versionId: string) {
    return this.prisma.client.challengeVersion.findFirst({
      where: { id: versionId, challengeId, challenge: { organizationId } },
      select: { id: true, runtimes: true, mutantSources: true },
    });
  }

  findUnfinished(organizationId: string, challengeVersionId: string) {
    return this.prisma.client.suiteVerification.findFirst({
      where: { organizationId, challengeVersionId, status: { in: ['QUEUED', 'RUNNING'] } },
    });
  }

  create(data: { organizationId: string; challengeVersionId: string; runsPerSubject: number; runtimes: string[]; totalRuns: number }) {
    return this.prisma.client.suiteVerification.create({ data });
  }

  latest(organizationId: string, challengeVersionId: string) {
    return this.prisma.client.suiteVerification.findFirst({
      where: { organizationId, challengeVersionId },
      orderBy: { createdAt: 'desc' },
    });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.prisma.client.suiteVerification.updateMany({
      where: { id, status: 'QUEUED' },
      data: { status: 'FAILED', error, finishedAt: new Date() },
    });
  }
}
