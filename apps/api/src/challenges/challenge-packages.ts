import { Injectable } from '@nestjs/common';
import { type ChallengePackage, ChallengePackageCache } from '@takehome/challenge';
import { PrismaService } from '../database/prisma.service';

/**
 * Stored challenge versions as parsed packages, parsed once per version and process (a version never changes).
 * Candidate starts and verification runs read starters and solutions from here instead of re-parsing the files.
 */
@Injectable()
export class ChallengePackages {
  private readonly cache = new ChallengePackageCache();

  constructor(private readonly prisma: PrismaService) {}

  get(challengeVersionId: string): Promise<ChallengePackage> {
    return this.cache.get(challengeVersionId, async () =>
      (await this.prisma.client.challengeVersion.findUniqueOrThrow({ where: { id: challengeVersionId }, select: { files: true } })).files,
    );
  }
}
