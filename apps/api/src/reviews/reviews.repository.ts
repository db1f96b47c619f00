import { Injectable } from '@nestjs/common';
import type { Prisma, Recommendation } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';
import { gradeRun } from '../runs/run-results';

/** A submission belongs to the organization that sent its invitation; every lookup is scoped by it. */
export const inOrganization = (organizationId: string): Prisma.SubmissionWhereInput => ({
  attempt: { invitation: { organizationId } },
});

const workspaceInclude = {
  attempt: {
    include: {
      invitation: {
        include: {
          assessment: {
            include: { challengeVersion: { include: { rubric: { include: { criteria: { include: { levels: true } } } } } } },
          },
        },
      },
    },
  },
  // The submission's grade, as the runs module defines it (a platform failure is no grade).
  runs: gradeRun({ outcome: true, score: true, maxScore: true, tests: true, logs: true, serviceLogs: true }),
  assignments: { include: { reviewer: true } },
  reviews: { include: { scores: true, reviewer: true } },
} satisfies Prisma.SubmissionInclude;

export type SubmissionForReview = Prisma.SubmissionGetPayload<{ include: typeof workspaceInclude }>;

@Injectable()
export class ReviewsRepository {
  constructor(private readonly prisma: PrismaService) {}

  queueFor(organizationId: string, reviewerId: string) {
    return this.prisma.client.reviewAssignment.findMany({
      where: {
        reviewerId,
        submission: { ...inOrganization(organizationId), reviews: { none: { reviewerId, status: 'SUBMITTED' } } },
      },
      include: {
        submission: {
          include: {
            attempt: { include: { invitation: { include: { assessment: { include: { challengeVersion: true } } } } } },
            reviews: { where: { reviewerId } },
          },
        },
      },
      orderBy: { submission: { createdAt: 'asc' } },
    });
  }

  findSubmission(organizationId: string, submissionId: string): Promise<SubmissionForReview | null> {
    return this.prisma.client.submission.findFirst({ where: { id: submissionId, ...inOrganization(organizationId) }, include: workspaceInclude });
  }

  pipeline(organizationId: string) {
    return this.prisma.client.submission.findMany({
      where: inOrganization(organizationId),
      include: {
        attempt: { include: { invitation: { include: { assessment: true } } } },
        assignments: { include: { reviewer: true }, orderBy: { assignedAt: 'asc' } },
        reviews: true,
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  teamMembers(organizationId: string) {
    return this.prisma.client.user.findMany({ where: { organizationId, disabledAt: null }, orderBy: { name: 'asc' } });
  }

  reviewSettings(organizationId: string, assessmentId: string) {
    return this.prisma.client.assessment.findFirst({
      where: { id: assessmentId, organizationId },
      select: { reviewSlaHours: true, reviewers: { select: { userId: true }, orderBy: { createdAt: 'asc' } } },
    });
  }

  /** Replaces the list and the SLA together; submissions already assigned keep their reviewers. */
  async saveReviewSettings(assessmentId: string, reviewerIds: string[], reviewSlaHours: number) {
    await this.prisma.client.$transaction([
      this.prisma.client.assessment.update({ where: { id: assessmentId }, data: { reviewSlaHours } }),
      this.prisma.client.assessmentReviewer.deleteMany({ where: { assessmentId, userId: { notIn: reviewerIds } } }),
      this.prisma.client.assessmentReviewer.createMany({ data: reviewerIds.map((userId) => ({ assessmentId, userId })), skipDuplicates: true }),
    ]);
  }

  inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.client.$transaction(work);
  }

  /** A reviewer's draft (never a submitted review) goes with the assignment: the next reviewer starts clean. */
  async unassign(submissionId: string, reviewerId: string) {
    await this.prisma.client.$transaction([
      this.prisma.client.review.deleteMany({ where: { submissionId, reviewerId, status: 'DRAFT' } }),
      this.prisma.client.reviewAssignment.deleteMany({ where: { submissionId, reviewerId } }),
    ]);
  }

  async assign(submissionId: string, reviewerIds: string[]) {
    await this.prisma.client.reviewAssignment.createMany({
      data: reviewerIds.map((reviewerId) => ({ submissionId, reviewerId })),
      skipDuplicates: true,
    });
  }

  saveReview(
    submissionId: string,
    reviewerId: string,
    review: { recommendation: Recommendation | null; summary: string; submit: boolean },
    scores: { criterionId: string; level: number; comment: string }[],
  ) {
    return this.prisma.client.$transaction(async (tx) => {
      // The row exists first (a concurrent first save waits on the unique key, then skips), so that the write
      // below can be a compare-and-set: only a DRAFT becomes anything. Of several racing submits, PostgreSQL
      // lets one update the row; the others wait on its lock, re-check `status = DRAFT` against the committed
      // row and match nothing, so a submitted review is never overwritten or submitted twice.
      await tx.review.createMany({ data: [{ submissionId, reviewerId }], skipDuplicates: true });
      const data = {
        recommendation: review.recommendation,
        summary: review.summary,
        ...(review.submit ? { status: 'SUBMITTED' as const, submittedAt: new Date() } : {}),
      };
      const { count } = await tx.review.updateMany({ where: { submissionId, reviewerId, status: 'DRAFT' }, data });
      if (count === 0) return null;
      const saved = await tx.review.findUniqueOrThrow({ where: { submissionId_reviewerId: { submissionId, reviewerId } } });
      await tx.reviewScore.deleteMany({ where: { reviewId: saved.id } });
      await tx.reviewScore.createMany({ data: scores.map((s) => ({ reviewId: saved.id, ...s })) });
      return tx.review.findUniqueOrThrow({ where: { id: saved.id }, include: { scores: true } });
    });
  }

  /** Every submitted score in the organization, grouped later by the challenge version (rubric) it used. */
  submittedScores(organizationId: string) {
    return this.prisma.client.review.findMany({
      where: { status: 'SUBMITTED', submission: inOrganization(organizationId) },
      include: {
        scores: true,
        submission: { select: { attempt: { select: { invitation: { select: { assessment: { select: { challengeVersion: true } } } } } } } },
      },
    });
  }
}
