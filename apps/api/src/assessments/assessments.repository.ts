import { Injectable } from '@nestjs/common';
import type { AssessmentStatus, Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

const withChallenge = {
  challengeVersion: { select: { id: true, version: true, challenge: { select: { id: true, title: true } } } },
  _count: { select: { invitations: true } },
} as const;

export type AssessmentRow = NonNullable<Awaited<ReturnType<AssessmentsRepository['find']>>>;

/** Every query is scoped by organization: an id from another organization simply does not exist here. */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findChallengeVersion(organizationId: string, id: string) {
    return this.prisma.client.challengeVersion.findFirst({
      where: { id, challenge: { organizationId } },
      select: { id: true, runtimes: true, timeLimitMinutes: true },
    });
  }

  create(organizationId: string, data: Omit<Prisma.AssessmentUncheckedCreateInput, 'organizationId'>) {
    return this.prisma.client.assessment.create({ data: { ...data, organizationId }, include: withChallenge });
  }

  list(organizationId: string) {
    return this.prisma.client.assessment.findMany({ where: { organizationId }, include: withChallenge, orderBy: { createdAt: 'desc' } });
  }

  find(organizationId: string, id: string) {
    return this.prisma.client.assessment.findFirst({ where: { id, organizationId }, include: withChallenge });
  }

  /** People taking the assessment right now: their starter and tests belong to the current challenge version. */
  countAttemptsInProgress(assessmentId: string) {
    // A revoked invitation's attempt stays IN_PROGRESS (it is never submitted) but nobody can work on it.
    return this.prisma.client.attempt.count({ where: { status: 'IN_PROGRESS', invitation: { assessmentId, status: { not: 'REVOKED' } } } });
  }

  /** Conditional on the status read before, so two concurrent transitions cannot both win. */
  async update(organizationId: string, id: string, expected: AssessmentStatus, data: Prisma.AssessmentUncheckedUpdateInput) {
    const { count } = await this.prisma.client.assessment.updateMany({ where: { id, organizationId, status: expected }, data });
    return count === 1;
  }
}
