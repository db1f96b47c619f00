import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

type NewComment = { path: string; line: number; onDiff: boolean; body: string; criterionId: string | null; shareWithCandidate: boolean };

/** Line comments are always read through their author and submission; callers have checked the assignment. */
@Injectable()
export class ReviewCommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  mine(submissionId: string, authorId: string) {
    return this.prisma.client.reviewLineComment.findMany({ where: { submissionId, authorId }, orderBy: [{ path: 'asc' }, { line: 'asc' }, { createdAt: 'asc' }] });
  }

  create(submissionId: string, authorId: string, data: NewComment) {
    return this.prisma.client.reviewLineComment.create({ data: { submissionId, authorId, ...data } });
  }

  /** Scoped by author, so a comment id from someone else's review is simply not found. */
  async update(submissionId: string, authorId: string, id: string, data: Prisma.ReviewLineCommentUncheckedUpdateInput) {
    const { count } = await this.prisma.client.reviewLineComment.updateMany({ where: { id, submissionId, authorId }, data });
    return count === 1 ? this.prisma.client.reviewLineComment.findUniqueOrThrow({ where: { id } }) : null;
  }

  async remove(submissionId: string, authorId: string, id: string) {
    const { count } = await this.prisma.client.reviewLineComment.deleteMany({ where: { id, submissionId, authorId } });
    return count === 1;
  }

  /** What may reach the candidate: comments their authors shared, from reviews those authors submitted. */
  shared(submissionId: string) {
    return this.prisma.client.reviewLineComment.findMany({
      where: { submissionId, shareWithCandidate: true, author: { reviews: { some: { submissionId, status: 'SUBMITTED' } } } },
      include: { criterion: { select: { title: true } } },
      orderBy: [{ path: 'asc' }, { line: 'asc' }, { createdAt: 'asc' }],
    });
  }
}
