import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class RunsRepository {
  constructor(private readonly prisma: PrismaService) {}

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
