import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class RetentionRepository {
  constructor(private readonly prisma: PrismaService) {}

  settings(organizationId: string) {
    return this.prisma.client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { candidateRetentionDays: true } });
  }

  setRetention(organizationId: string, days: number | null) {
    return this.prisma.client.organization.update({ where: { id: organizationId }, data: { candidateRetentionDays: days }, select: { candidateRetentionDays: true } });
  }

  organizationsWithRetention() {
    return this.prisma.client.organization.findMany({ where: { candidateRetentionDays: { not: null } }, select: { id: true, candidateRetentionDays: true } });
  }

  /**
   * Invitations not yet erased whose candidate finished before `cutoff`: submitted, or never started and the
   * link expired or was revoked. A candidate still working is never touched.
   */
  finishedBefore(organizationId: string, cutoff: Date, limit: number) {
    return this.prisma.client.invitation.findMany({
      where: {
        organizationId,
        erasedAt: null,
        OR: [
          { attempt: { submittedAt: { lt: cutoff } } },
          { attempt: null, expiresAt: { lt: cutoff } },
          { attempt: null, revokedAt: { lt: cutoff } },
        ],
      },
      select: { id: true },
      take: limit,
    });
  }
}
