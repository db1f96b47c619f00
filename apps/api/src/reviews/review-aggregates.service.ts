import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { CALIBRATION_SPREAD, type ReviewAggregate, type ReviewPipelineItem, type RubricAgreement, type SessionUser } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { round2 } from '../common/statistics';
import { krippendorffAlpha } from './krippendorff-alpha';
import { identityHidden } from './identity-visibility';
import { owesReview, rubricOf, weightedTotal } from './review-views';
import { ReviewsRepository } from './reviews.repository';

/** Hiring-lead read models: the pipeline, side-by-side scores, and agreement across the organization. */
@Injectable()
export class ReviewAggregatesService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
  ) {}

  async pipeline(user: SessionUser): Promise<ReviewPipelineItem[]> {
    const rows = await this.reviews.pipeline(user.organization.id);
    const named = rows.filter((s) => !identityHidden(user.id, s.attempt.invitation.assessment.blindReview, s));
    await this.audit.identityViewed(user.organization.id, user.id, named.map((s) => s.attempt.invitationId), 'review-pipeline');
    return rows.map((s) => ({
      submissionId: s.id,
      candidateName: identityHidden(user.id, s.attempt.invitation.assessment.blindReview, s) ? s.attempt.invitation.pseudonym : s.attempt.invitation.candidateName,
      pseudonym: s.attempt.invitation.pseudonym,
      assessmentName: s.attempt.invitation.assessment.name,
      submittedAt: s.createdAt.toISOString(),
      reviewersWanted: s.attempt.invitation.assessment.reviewersPerSubmission,
      assignments: s.assignments.map((a) => ({
        reviewer: { id: a.reviewer.id, name: a.reviewer.name, role: a.reviewer.role },
        status: s.reviews.find((r) => r.reviewerId === a.reviewerId)?.status ?? 'NOT_STARTED',
      })),
    }));
  }

  async aggregate(user: SessionUser, submissionId: string): Promise<ReviewAggregate> {
    const submission = await this.reviews.findSubmission(user.organization.id, submissionId);
    if (!submission) throw new NotFoundException('No such submission.');
    if (owesReview(user.id, submission)) throw new ForbiddenException('Submit your own review of this submission first.');
    const rubric = rubricOf(submission);
    // Drafts are a reviewer's private working state; only submitted reviews are shown or counted.
    const submitted = submission.reviews.filter((r) => r.status === 'SUBMITTED');
    const reviewers = submitted.map((r) => ({
      reviewId: r.id,
      reviewerName: r.reviewer.name,
      recommendation: r.recommendation,
      summary: r.summary,
      weightedTotal: weightedTotal(rubric, r.scores),
    }));
    const criteria = rubric.map((c) => {
      const scores = submitted.flatMap((r) =>
        r.scores.filter((s) => s.criterionId === c.id).map((s) => ({ reviewId: r.id, level: s.level, comment: s.comment })),
      );
      const levels = scores.map((s) => s.level);
      const spread = levels.length ? Math.max(...levels) - Math.min(...levels) : 0;
      return { criterionId: c.id, key: c.key, title: c.title, weight: c.weight, scores, spread, needsCalibration: spread >= CALIBRATION_SPREAD };
    });
    const totals = reviewers.map((r) => r.weightedTotal);
    if (!identityHidden(user.id, submission.attempt.invitation.assessment.blindReview, submission)) {
      await this.audit.identityViewed(user.organization.id, user.id, [submission.attempt.invitationId], 'review-aggregate');
    }
    return {
      submissionId,
      candidateName: identityHidden(user.id, submission.attempt.invitation.assessment.blindReview, submission)
        ? submission.attempt.invitation.pseudonym
        : submission.attempt.invitation.candidateName,
      pseudonym: submission.attempt.invitation.pseudonym,
      assignedReviews: submission.assignments.length,
      reviewersWanted: submission.attempt.invitation.assessment.reviewersPerSubmission,
      submittedReviews: submitted.length,
      reviewers,
      criteria,
      weightedSpread: totals.length ? round2(Math.max(...totals) - Math.min(...totals)) : 0,
      needsCalibration: criteria.some((c) => c.needsCalibration),
    };
  }

  /** One alpha per rubric (challenge version): each (submission, criterion) pair is a unit. */
  async agreement(user: SessionUser): Promise<RubricAgreement[]> {
    const reviews = await this.reviews.submittedScores(user.organization.id);
    const byVersion = new Map<string, { title: string; version: number; units: Map<string, number[]>; submissions: Set<string>; reviews: number }>();
    for (const review of reviews) {
      const version = review.submission.attempt.invitation.assessment.challengeVersion;
      const entry = byVersion.get(version.id) ?? { title: version.title, version: version.version, units: new Map(), submissions: new Set(), reviews: 0 };
      byVersion.set(version.id, entry);
      entry.reviews += 1;
      entry.submissions.add(review.submissionId);
      for (const score of review.scores) {
        const key = `${review.submissionId}:${score.criterionId}`;
        entry.units.set(key, [...(entry.units.get(key) ?? []), score.level]);
      }
    }
    return [...byVersion.values()].map((e) => {
      const alpha = krippendorffAlpha([...e.units.values()], 'interval');
      return {
        challengeTitle: e.title,
        challengeVersion: e.version,
        submissions: e.submissions.size,
        reviews: e.reviews,
        alpha: alpha === null ? null : Math.round(alpha * 1000) / 1000,
      };
    });
  }
}
