import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { AssignReviewersRequest, ReviewQueueItem, ReviewSettings, SaveReviewRequest, SessionUser } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { ReviewAssigner, reviewDueAt } from './review-assigner';
import { rubricOf, toMyReview, toWorkspace, UNSET_LEVEL } from './review-views';
import { ReviewsRepository } from './reviews.repository';

@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
    private readonly assigner: ReviewAssigner,
  ) {}

  async queue(user: SessionUser): Promise<ReviewQueueItem[]> {
    const now = Date.now();
    const rows = await this.reviews.queueFor(user.organization.id, user.id);
    return rows.map(({ submission, assignedAt }) => ({
      submissionId: submission.id,
      pseudonym: submission.attempt.invitation.pseudonym,
      assessmentName: submission.attempt.invitation.assessment.name,
      challengeTitle: submission.attempt.invitation.assessment.challengeVersion.title,
      submittedAt: submission.createdAt.toISOString(),
      waitingSeconds: Math.max(0, Math.round((now - submission.createdAt.getTime()) / 1000)),
      myReviewStatus: submission.reviews.length ? 'DRAFT' : 'NOT_STARTED',
      assignedAt: assignedAt.toISOString(),
      dueAt: reviewDueAt(assignedAt, submission.attempt.invitation.assessment.reviewSlaHours).toISOString(),
    }));
  }

  /** Only assigned reviewers open a submission for grading; anyone else gets the same 404 as a stranger. */
  private async assigned(user: SessionUser, submissionId: string) {
    const submission = await this.reviews.findSubmission(user.organization.id, submissionId);
    if (!submission || !submission.assignments.some((a) => a.reviewerId === user.id)) {
      throw new NotFoundException('No such submission in your review queue.');
    }
    return submission;
  }

  async workspace(user: SessionUser, submissionId: string) {
    const submission = await this.assigned(user, submissionId);
    const workspace = toWorkspace(submission, user.id);
    if (workspace.candidate.name !== null) await this.audit.identityViewed(user.organization.id, user.id, [submission.attempt.invitationId], 'review');
    return workspace;
  }

  async save(user: SessionUser, submissionId: string, body: SaveReviewRequest, submit: boolean) {
    const submission = await this.assigned(user, submissionId);
    const criteria = rubricOf(submission);
    const known = new Set(criteria.map((c) => c.id));
    const unknown = body.scores.find((s) => !known.has(s.criterionId));
    if (unknown) throw new BadRequestException(`scores: criterion ${unknown.criterionId} is not part of this rubric`);
    const seen = new Set<string>();
    const twice = body.scores.find((s) => seen.size === seen.add(s.criterionId).size);
    if (twice) throw new BadRequestException(`scores: criterion ${twice.criterionId} is scored more than once; one score per criterion`);
    if (submit) {
      const missing = criteria.filter((c) => !body.scores.some((s) => s.criterionId === c.id && s.level !== null));
      if (missing.length) throw new BadRequestException(`pick a level for: ${missing.map((c) => c.title).join(', ')}`);
      if (!body.recommendation) throw new BadRequestException('recommendation: pick an overall recommendation');
    }
    const saved = await this.reviews.saveReview(
      submissionId,
      user.id,
      { recommendation: body.recommendation, summary: body.summary, submit },
      body.scores.map((s) => ({ criterionId: s.criterionId, level: s.level ?? UNSET_LEVEL, comment: s.comment })),
    );
    if (!saved) throw new ConflictException('This review was submitted and is final.');
    if (submit) {
      await this.audit.record(user.organization.id, user.id, 'review.submitted', { type: 'Submission', id: submissionId }, {
        reviewId: saved.id,
        recommendation: saved.recommendation,
      });
      // Identifiers only: an ATS correlates by submission id, and nothing here can unblind a reviewer.
      await this.webhooks.emit(user.organization.id, 'review.submitted', { submissionId, reviewId: saved.id, recommendation: saved.recommendation });
    }
    return toMyReview(saved);
  }

  /** Explicit reviewers (the lead's choice among active members), or the automatic pick up to the assessment's number. */
  async assign(user: SessionUser, submissionId: string, body: AssignReviewersRequest) {
    const organizationId = user.organization.id;
    const submission = await this.reviews.findSubmission(organizationId, submissionId);
    if (!submission) throw new NotFoundException('No such submission.');
    const reviewerIds = body.reviewerIds ?? [];
    if (!reviewerIds.length) {
      const outcome = await this.reviews.inTransaction((tx) => this.assigner.assignIn(tx, submissionId, user.id));
      if (outcome.assigned.length === 0 && outcome.shortfall > 0) throw new ConflictException('No reviewer of this assessment is available to assign.');
      return { assigned: outcome.assigned };
    }
    const already = new Set(submission.assignments.map((a) => a.reviewerId));
    const members = new Set((await this.reviews.teamMembers(organizationId)).map((m) => m.id));
    const stranger = reviewerIds.find((id) => !members.has(id));
    if (stranger) throw new BadRequestException(`reviewerIds: ${stranger} is not an active member of your organization`);
    const added = [...new Set(reviewerIds)].filter((id) => !already.has(id));
    await this.reviews.assign(submissionId, added);
    for (const reviewerId of added) {
      await this.audit.record(organizationId, user.id, 'review.assigned', { type: 'Submission', id: submissionId }, { reviewerId, mode: 'manual' });
    }
    return { assigned: added };
  }

  /** Takes a review away from a reviewer who has not submitted it (the lead reassigns: unassign, then assign). */
  async unassign(user: SessionUser, submissionId: string, reviewerId: string) {
    const organizationId = user.organization.id;
    const submission = await this.reviews.findSubmission(organizationId, submissionId);
    if (!submission || !submission.assignments.some((a) => a.reviewerId === reviewerId)) throw new NotFoundException('No such assignment.');
    if (submission.reviews.some((r) => r.reviewerId === reviewerId && r.status === 'SUBMITTED')) {
      throw new ConflictException('This reviewer already submitted their review; it stays part of the record.');
    }
    await this.reviews.unassign(submissionId, reviewerId);
    await this.audit.record(organizationId, user.id, 'review.unassigned', { type: 'Submission', id: submissionId }, { reviewerId });
    return { unassigned: reviewerId };
  }

  async reviewSettings(user: SessionUser, assessmentId: string): Promise<ReviewSettings> {
    const row = await this.reviews.reviewSettings(user.organization.id, assessmentId);
    if (!row) throw new NotFoundException('No such assessment.');
    return { reviewerIds: row.reviewers.map((r) => r.userId), reviewSlaHours: row.reviewSlaHours };
  }

  async saveReviewSettings(user: SessionUser, assessmentId: string, body: ReviewSettings): Promise<ReviewSettings> {
    const organizationId = user.organization.id;
    if (!(await this.reviews.reviewSettings(organizationId, assessmentId))) throw new NotFoundException('No such assessment.');
    const members = new Set((await this.reviews.teamMembers(organizationId)).map((m) => m.id));
    const stranger = body.reviewerIds.find((id) => !members.has(id));
    if (stranger) throw new BadRequestException({ message: `reviewerIds: ${stranger} is not an active member of your organization`, issues: [{ path: 'reviewerIds', message: 'includes someone who is not an active member of your organization' }] });
    await this.reviews.saveReviewSettings(assessmentId, body.reviewerIds, body.reviewSlaHours);
    return this.reviewSettings(user, assessmentId);
  }

  async reviewers(user: SessionUser) {
    return (await this.reviews.teamMembers(user.organization.id)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
  }
}
