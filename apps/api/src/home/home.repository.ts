import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { inOrganization } from '../reviews/reviews.repository';

/** Everything the lead's home reads, each query scoped to the caller's organization. */
@Injectable()
export class HomeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Submissions whose feedback is not released yet: the only ones anything can still be done about. */
  openSubmissions(organizationId: string) {
    return this.prisma.client.submission.findMany({
      where: { ...inOrganization(organizationId), OR: [{ feedback: null }, { feedback: { releasedAt: null } }] },
      select: {
        id: true,
        createdAt: true,
        feedback: { select: { id: true } },
        attempt: {
          select: {
            invitation: {
              select: { pseudonym: true, kind: true, assessment: { select: { id: true, name: true, reviewersPerSubmission: true, reviewSlaHours: true } } },
            },
          },
        },
        assignments: { select: { reviewerId: true, assignedAt: true, reviewer: { select: { name: true } } } },
        reviews: { where: { status: 'SUBMITTED' }, select: { reviewerId: true } },
        runs: { where: { kind: 'GRADING' }, orderBy: { queuedAt: 'desc' }, take: 1, select: { id: true, status: true, outcome: true, finishedAt: true } },
      },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
  }

  pilotsInProgress(organizationId: string) {
    return this.prisma.client.assessment.findMany({
      where: { organizationId, status: 'PILOT' },
      select: { id: true, name: true, _count: { select: { invitations: { where: { kind: 'PILOT', attempt: { submission: { isNot: null } } } } } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Open assessments with how many active members could review them (listed reviewers, else REVIEWER role). */
  async reviewerCapacity(organizationId: string) {
    const [assessments, reviewers] = await Promise.all([
      this.prisma.client.assessment.findMany({
        where: { organizationId, status: { in: ['PILOT', 'LIVE'] } },
        select: { id: true, name: true, reviewersPerSubmission: true, reviewers: { where: { user: { disabledAt: null } }, select: { userId: true } }, _count: { select: { reviewers: true } } },
        orderBy: { createdAt: 'asc' },
      }),
      this.prisma.client.user.count({ where: { organizationId, role: 'REVIEWER', disabledAt: null } }),
    ]);
    return assessments.map((a) => ({ ...a, available: a._count.reviewers > 0 ? a.reviewers.length : reviewers }));
  }
}
