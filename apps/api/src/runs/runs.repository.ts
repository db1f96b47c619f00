import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class RunsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every run names its challenge version, and through it the organization that may see it. */
  findForOrganization(organizationId: string, runId: string) {
    return this.prisma.client.run.findFirst({ where: { id: runId, challengeVersion: { challenge: { organizationId } } } });
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
