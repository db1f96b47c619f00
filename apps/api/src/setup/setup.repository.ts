import { Injectable } from '@nestjs/common';
import { loadChallengeLibrary, versionRecord } from '@takehome/challenge';
import { createOrganization, type NewOrganization, saveChallengeVersion } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class SetupRepository {
  constructor(private readonly prisma: PrismaService) {}

  async anyOrganization(): Promise<boolean> {
    return (await this.prisma.client.organization.findFirst({ select: { id: true } })) !== null;
  }

  /** The same creation the CLI uses: one advisory lock around "is there one yet?" and the inserts. */
  createFirst(input: Omit<NewOrganization, 'onlyIfFirst'>) {
    return createOrganization(this.prisma.client, { ...input, onlyIfFirst: true });
  }

  /** A new organization starts with the built-in challenge library, as the demo organization does. */
  async importBuiltInChallenges(organizationId: string): Promise<void> {
    for (const pkg of await loadChallengeLibrary()) {
      await saveChallengeVersion(this.prisma.client, { organizationId, ...versionRecord(pkg) });
    }
  }
}
