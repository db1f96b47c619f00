import { Injectable } from '@nestjs/common';
import { saveChallengeVersion, type ChallengeVersionInput, type Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

const verificationRuns = {
  where: { kind: 'VERIFICATION' },
  orderBy: { queuedAt: 'desc' },
  select: { id: true, runtime: true, status: true, outcome: true, score: true, maxScore: true, queuedAt: true },
} as const satisfies Prisma.ChallengeVersion$runsArgs;

/** Challenges and versions, always reached through the caller's organization. */
@Injectable()
export class ChallengesRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(organizationId: string) {
    return this.prisma.client.challenge.findMany({
      where: { organizationId },
      orderBy: { title: 'asc' },
      include: {
        versions: {
          orderBy: { version: 'desc' },
          select: {
            id: true,
            version: true,
            contentHash: true,
            createdAt: true,
            runtimes: true,
            runs: verificationRuns,
            // The latest finished suite verification decides whether the picker warns.
            suiteVerifications: { where: { status: 'FINISHED' }, orderBy: { createdAt: 'desc' }, take: 1, select: { status: true, result: true } },
          },
        },
      },
    });
  }

  findVersion(organizationId: string, challengeId: string, versionId: string) {
    return this.prisma.client.challengeVersion.findFirst({
      where: { id: versionId, challengeId, challenge: { organizationId } },
      include: {
        challenge: { select: { slug: true } },
        rubric: { include: { criteria: { orderBy: { position: 'asc' }, include: { levels: { orderBy: { score: 'asc' } } } } } },
        runs: verificationRuns,
      },
    });
  }

  save(input: ChallengeVersionInput) {
    return saveChallengeVersion(this.prisma.client, input);
  }

  findChallengeOfVersion(versionId: string) {
    return this.prisma.client.challengeVersion.findUniqueOrThrow({ where: { id: versionId }, select: { challengeId: true } });
  }

  /** The version's challenge and whether any verification run exists for it yet. */
  findVersionVerification(organizationId: string, versionId: string) {
    return this.prisma.client.challengeVersion.findFirst({
      where: { id: versionId, challenge: { organizationId } },
      select: { challengeId: true, _count: { select: { runs: { where: { kind: 'VERIFICATION' } } } } },
    });
  }
}
