import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';
import { inOrganization } from '../reviews/reviews.repository';

const composerInclude = {
  attempt: { include: { invitation: { include: { assessment: { include: { challengeVersion: { include: { rubric: { include: { criteria: true } } } } } } } } } },
  assignments: true,
  reviews: { where: { status: 'SUBMITTED' }, include: { scores: true } },
  feedback: true,
} satisfies Prisma.SubmissionInclude;

@Injectable()
export class FeedbackRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Submissions whose candidate has not been given feedback yet, oldest first. */
  waiting(organizationId: string) {
    return this.prisma.client.submission.findMany({
      where: { ...inOrganization(organizationId), OR: [{ feedback: null }, { feedback: { releasedAt: null } }] },
      include: {
        attempt: { include: { invitation: { include: { assessment: true } } } },
        assignments: true,
        reviews: { where: { status: 'SUBMITTED' }, select: { reviewerId: true, status: true } },
        feedback: true,
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  findSubmission(organizationId: string, submissionId: string) {
    return this.prisma.client.submission.findFirst({ where: { id: submissionId, ...inOrganization(organizationId) }, include: composerInclude });
  }

  /** Refuses (returns null) once released: what the candidate was told is not rewritten afterwards. */
  async saveDraft(submissionId: string, authorId: string, draft: { body: string; criteria: Prisma.InputJsonValue }) {
    return this.prisma.client.$transaction(async (tx) => {
      // Checked in the write itself: a release committing between a read and this update would otherwise
      // have its text replaced after the candidate was told. The row exists first (a racing first save waits
      // on the unique key and skips), then only an unreleased row changes; a save queued behind a release's
      // row lock re-checks `releasedAt IS NULL` against the released row and matches nothing.
      await tx.feedback.createMany({ data: [{ submissionId, authorId, body: '', criteria: [] }], skipDuplicates: true });
      const { count } = await tx.feedback.updateMany({ where: { submissionId, releasedAt: null }, data: { ...draft, authorId } });
      return count === 1 ? tx.feedback.findUniqueOrThrow({ where: { submissionId } }) : null;
    });
  }

  /** Conditional update, so two leads clicking release at once send one email, not two. */
  async release(submissionId: string, authorId: string, lineComments: Prisma.InputJsonValue) {
    const { count } = await this.prisma.client.feedback.updateMany({
      where: { submissionId, releasedAt: null },
      data: { releasedAt: new Date(), authorId, lineComments },
    });
    return count === 1 ? this.prisma.client.feedback.findUniqueOrThrow({ where: { submissionId } }) : null;
  }

  markEmailed(id: string) {
    return this.prisma.client.feedback.update({ where: { id }, data: { emailedAt: new Date() } });
  }

  /** A fresh feedback link per release; the previous one (if any) stops working. */
  async setFeedbackLink(invitationId: string, feedbackTokenHash: string) {
    await this.prisma.client.invitation.update({ where: { id: invitationId }, data: { feedbackTokenHash } });
  }
}
