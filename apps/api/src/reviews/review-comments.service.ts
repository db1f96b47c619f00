import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { LineCommentView, SessionUser, SharedLineComment, UpdateLineCommentRequest } from '@takehome/contracts';
import { lineCommentInput } from '@takehome/contracts';
import type { ReviewLineComment } from '@takehome/db';
import type { z } from 'zod';
import { ReviewCommentsRepository } from './review-comments.repository';
import { rubricOf } from './review-views';
import { ReviewsRepository, type SubmissionForReview } from './reviews.repository';

type NewComment = z.output<typeof lineCommentInput>;

const toView = (c: ReviewLineComment): LineCommentView => ({
  id: c.id,
  path: c.path,
  line: c.line,
  onDiff: c.onDiff,
  body: c.body,
  criterionId: c.criterionId,
  shareWithCandidate: c.shareWithCandidate,
  createdAt: c.createdAt.toISOString(),
});

/**
 * Each reviewer's own line comments. Only assigned reviewers of the submission's organization reach them, they
 * see only their own (no anchoring on a colleague, and nothing that names anyone), and they freeze with the
 * review: a submitted review's evidence is final, like its scores.
 */
@Injectable()
export class ReviewCommentsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly comments: ReviewCommentsRepository,
  ) {}

  private async assigned(user: SessionUser, submissionId: string, writing: boolean) {
    const submission = await this.reviews.findSubmission(user.organization.id, submissionId);
    if (!submission || !submission.assignments.some((a) => a.reviewerId === user.id)) {
      throw new NotFoundException('No such submission in your review queue.');
    }
    if (writing && submission.reviews.some((r) => r.reviewerId === user.id && r.status === 'SUBMITTED')) {
      throw new ConflictException('This review was submitted and is final.');
    }
    return submission;
  }

  async list(user: SessionUser, submissionId: string) {
    await this.assigned(user, submissionId, false);
    return (await this.comments.mine(submissionId, user.id)).map(toView);
  }

  async create(user: SessionUser, submissionId: string, body: NewComment) {
    const submission = await this.assigned(user, submissionId, true);
    checkLine(submission, body.path, body.line, body.onDiff);
    checkCriterion(submission, body.criterionId);
    return toView(await this.comments.create(submissionId, user.id, body));
  }

  async update(user: SessionUser, submissionId: string, id: string, body: UpdateLineCommentRequest) {
    const submission = await this.assigned(user, submissionId, true);
    if (body.criterionId !== undefined) checkCriterion(submission, body.criterionId);
    const saved = await this.comments.update(submissionId, user.id, id, body);
    if (!saved) throw new NotFoundException('No such comment of yours on this submission.');
    return toView(saved);
  }

  async remove(user: SessionUser, submissionId: string, id: string) {
    await this.assigned(user, submissionId, true);
    if (!(await this.comments.remove(submissionId, user.id, id))) throw new NotFoundException('No such comment of yours on this submission.');
  }

  /** For the feedback composer and the release snapshot; callers have authorised the lead. */
  async sharedWithCandidate(submissionId: string): Promise<SharedLineComment[]> {
    return (await this.comments.shared(submissionId)).map((c) => ({
      path: c.path,
      line: c.line,
      onDiff: c.onDiff,
      body: c.body,
      criterionTitle: c.criterion?.title ?? null,
    }));
  }
}

function checkLine(submission: SubmissionForReview, path: string, line: number, onDiff: boolean) {
  const files = submission.files as Record<string, string>;
  const content = files[path];
  if (typeof content !== 'string') throw new BadRequestException(`path: ${path} is not a file of this submission`);
  const lines = content.split('\n').length;
  // A diff line counts removed starter lines too; the submitted file's length bounds the rest generously.
  const max = onDiff ? lines * 2 + 20 : lines;
  if (line > max) throw new BadRequestException(`line: ${path} has ${lines} lines`);
}

function checkCriterion(submission: SubmissionForReview, criterionId: string | null) {
  if (criterionId === null) return;
  if (!rubricOf(submission).some((c) => c.id === criterionId)) {
    throw new BadRequestException(`criterionId: ${criterionId} is not part of this rubric`);
  }
}
