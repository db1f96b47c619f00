import type { PipelineRow } from '@takehome/contracts';
import type { PipelineInvitation } from './invitations.repository';
import { round2 } from '../common/statistics';
import { identityHidden } from '../reviews/identity-visibility';
import { weightedTotal } from '../reviews/review-views';
import { readRunTests, TEAM, type TestCount, testCounts } from '../runs/run-results';
import { minutesBetween, reviewedAt, stageOf } from './pipeline-facts';

export interface CriterionWeight {
  id: string;
  weight: number;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

const score = (count: TestCount | null) => (count ? { score: count.passed, maxScore: count.total } : null);

/**
 * One dashboard row, derived from what the platform recorded; nothing here is stored. The viewer decides
 * whether the candidate's name and email may stand next to the results (identityVisibility): a lead who
 * is also one of the submission's reviewers sees the pseudonym only while reviews are outstanding.
 */
export function pipelineRowOf(invitation: PipelineInvitation, criteria: CriterionWeight[], viewerId: string, now = new Date()): PipelineRow {
  const attempt = invitation.attempt;
  const submission = attempt?.submission ?? null;
  const grading = submission?.runs[0] ?? null;
  const counts = grading ? testCounts(readRunTests(grading.tests), TEAM) : null;
  const submitted = submission?.reviews.filter((r) => r.status === 'SUBMITTED') ?? [];
  const facts = {
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    revokedAt: invitation.revokedAt,
    startedAt: attempt?.startedAt ?? null,
    submittedAt: submission?.createdAt ?? attempt?.submittedAt ?? null,
    gradedAt: grading?.finishedAt ?? null,
    reviewedAt: submission ? reviewedAt(submission.assignments.map((a) => a.reviewerId), submission.reviews) : null,
    feedbackReleasedAt: submission?.feedback?.releasedAt ?? null,
  };
  const { stage, since } = stageOf(facts, now);
  const hidden = identityHidden(viewerId, invitation.assessment.blindReview, submission);
  return {
    invitationId: invitation.id,
    kind: invitation.kind,
    name: hidden ? invitation.pseudonym : invitation.candidateName,
    email: hidden ? null : invitation.candidateEmail,
    identityHidden: hidden,
    pseudonym: invitation.pseudonym,
    accommodationMinutes: invitation.accommodationMinutes,
    stage,
    stageSince: since.toISOString(),
    invitedAt: invitation.createdAt.toISOString(),
    sentAt: iso(invitation.sentAt),
    sendCount: invitation.sendCount,
    expiresAt: invitation.expiresAt.toISOString(),
    startedAt: iso(facts.startedAt),
    deadline: iso(attempt?.deadline),
    submittedAt: iso(facts.submittedAt),
    ranOutOfTime: submission?.automatic ?? false,
    minutesTaken: minutesBetween(facts.startedAt, facts.submittedAt),
    gradedAt: iso(facts.gradedAt),
    reviewedAt: iso(facts.reviewedAt),
    feedbackReleasedAt: iso(facts.feedbackReleasedAt),
    revokedAt: iso(invitation.revokedAt),
    submissionId: submission?.id ?? null,
    runtime: attempt?.runtime ?? null,
    hiddenTests: score(counts?.withheld ?? null),
    visibleTests: score(counts?.shown ?? null),
    rubricScore: submitted.length ? round2(submitted.reduce((sum, r) => sum + weightedTotal(criteria, r.scores), 0) / submitted.length) : null,
    reviewsSubmitted: submitted.length,
  };
}
