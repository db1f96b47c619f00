import { Injectable } from '@nestjs/common';
import type { LeadHome, SessionUser } from '@takehome/contracts';
import { reviewDueAt } from '../reviews/review-assigner';
import { HomeRepository } from './home.repository';

type OpenSubmission = Awaited<ReturnType<HomeRepository['openSubmissions']>>[number];

const ref = (s: OpenSubmission) => ({
  submissionId: s.id,
  pseudonym: s.attempt.invitation.pseudonym,
  assessmentId: s.attempt.invitation.assessment.id,
  assessmentName: s.attempt.invitation.assessment.name,
  submittedAt: s.createdAt.toISOString(),
});

/** The lead's to-do list, derived on every read from the records themselves (nothing to keep in sync). */
@Injectable()
export class HomeService {
  constructor(private readonly home: HomeRepository) {}

  async leadHome(user: SessionUser, now = new Date()): Promise<LeadHome> {
    const organizationId = user.organization.id;
    const [open, pilots, capacity] = await Promise.all([
      this.home.openSubmissions(organizationId),
      this.home.pilotsInProgress(organizationId),
      this.home.reviewerCapacity(organizationId),
    ]);
    const result: LeadHome = { waitingForReview: [], overdueReviews: [], feedbackToRelease: [], pilotsToRead: [], failedGradings: [], reviewerShortfall: [] };
    for (const s of open) {
      const { assessment } = s.attempt.invitation;
      const submittedBy = new Set(s.reviews.map((r) => r.reviewerId));
      const reviewsIn = s.assignments.filter((a) => submittedBy.has(a.reviewerId)).length;
      const wanted = assessment.reviewersPerSubmission;
      if (reviewsIn < wanted) result.waitingForReview.push({ ...ref(s), assigned: s.assignments.length, reviewsIn, wanted });
      if (s.assignments.length > 0 && reviewsIn === s.assignments.length) {
        result.feedbackToRelease.push({ ...ref(s), reviewsIn, wanted, feedbackDrafted: s.feedback !== null });
      }
      for (const a of s.assignments) {
        const dueAt = reviewDueAt(a.assignedAt, assessment.reviewSlaHours);
        if (!submittedBy.has(a.reviewerId) && dueAt < now) {
          result.overdueReviews.push({ ...ref(s), reviewerId: a.reviewerId, reviewerName: a.reviewer.name, dueAt: dueAt.toISOString() });
        }
      }
      const last = s.runs[0];
      if (last?.status === 'FINISHED' && last.outcome === 'ERROR') {
        result.failedGradings.push({ ...ref(s), runId: last.id, finishedAt: last.finishedAt?.toISOString() ?? null });
      }
    }
    result.pilotsToRead = pilots
      .filter((p) => p._count.invitations > 0)
      .map((p) => ({ assessmentId: p.id, assessmentName: p.name, submissions: p._count.invitations }));
    result.reviewerShortfall = capacity
      .filter((a) => a.available < a.reviewersPerSubmission)
      .map((a) => ({ assessmentId: a.id, assessmentName: a.name, wanted: a.reviewersPerSubmission, available: a.available }));
    return result;
  }
}
