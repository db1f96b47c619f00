import type { MyReviewView, ReviewWorkspace, ServiceLog } from '@takehome/contracts';
import { readRunTests, readServiceLogs, TEAM, visibleTests } from '../runs/run-results';
import type { Prisma, Review, ReviewScore } from '@takehome/db';
import { round2 } from '../common/statistics';
import type { SubmissionForReview } from './reviews.repository';

// A draft may keep a comment before a level is picked; level 0 stores "not picked yet" (never submitted).
export const UNSET_LEVEL = 0;

export function toMyReview(review: Review & { scores: ReviewScore[] }): MyReviewView {
  return {
    status: review.status,
    recommendation: review.recommendation,
    summary: review.summary,
    scores: review.scores.map((s) => ({ criterionId: s.criterionId, level: s.level === UNSET_LEVEL ? null : s.level, comment: s.comment })),
    submittedAt: review.submittedAt?.toISOString() ?? null,
  };
}

export type ReviewProgress = {
  assignments: { reviewerId: string }[];
  reviews: { reviewerId: string; status: string }[];
};

export function blindWhile(blindReview: boolean, s: ReviewProgress): boolean {
  if (!blindReview) return false;
  const submitted = new Set(s.reviews.filter((r) => r.status === 'SUBMITTED').map((r) => r.reviewerId));
  return s.assignments.length === 0 || s.assignments.some((a) => !submitted.has(a.reviewerId));
}

/** Blind until every assigned reviewer has submitted, when the assessment asks for blind review. */
export function isBlind(submission: SubmissionForReview): boolean {
  return blindWhile(submission.attempt.invitation.assessment.blindReview, submission);
}

/** A lead who also reviews must not read colleagues' scores or comments before submitting their own review. */
export function owesReview(userId: string, s: ReviewProgress): boolean {
  return s.assignments.some((a) => a.reviewerId === userId) && !s.reviews.some((r) => r.reviewerId === userId && r.status === 'SUBMITTED');
}

export function rubricOf(submission: SubmissionForReview) {
  const criteria = submission.attempt.invitation.assessment.challengeVersion.rubric?.criteria ?? [];
  return [...criteria]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({
      id: c.id,
      key: c.key,
      title: c.title,
      description: c.description,
      weight: c.weight,
      levels: [...c.levels].sort((a, b) => a.score - b.score).map((l) => ({ score: l.score, label: l.label, descriptor: l.descriptor })),
    }));
}

const asFiles = (files: unknown, prefix = '') =>
  Object.entries((files ?? {}) as Record<string, string>)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, content]) => ({ path: path.slice(prefix.length), content }))
    .sort((a, b) => a.path.localeCompare(b.path));

/**
 * Only what the reviewer needs and nothing that identifies the candidate while blind: the invitation's
 * name and email are read here and nowhere else in reviewer-facing code.
 */
export function toWorkspace(submission: SubmissionForReview, reviewerId: string): ReviewWorkspace {
  const { attempt } = submission;
  const { invitation } = attempt;
  const { assessment } = invitation;
  const blind = isBlind(submission);
  const submittedAt = attempt.submittedAt ?? submission.createdAt;
  const run = submission.runs[0];
  const mine = submission.reviews.find((r) => r.reviewerId === reviewerId);
  return {
    submissionId: submission.id,
    blind,
    candidate: { pseudonym: invitation.pseudonym, name: blind ? null : invitation.candidateName },
    assessmentName: assessment.name,
    challengeTitle: assessment.challengeVersion.title,
    runtime: attempt.runtime,
    timing: {
      startedAt: attempt.startedAt.toISOString(),
      submittedAt: submittedAt.toISOString(),
      minutesTaken: Math.round((submittedAt.getTime() - attempt.startedAt.getTime()) / 60_000),
      // The assessment's limit, never the invitee's: an accommodation (extra time asked for) would identify them.
      limitMinutes: assessment.timeLimitMinutes,
    },
    files: asFiles(submission.files),
    // Only the starter of the candidate's runtime: hidden tests and reference solutions stay on the server.
    starterFiles: asFiles(assessment.challengeVersion.files, `starter/${attempt.runtime}/`),
    run: run
      ? {
          outcome: run.outcome,
          score: run.score,
          maxScore: run.maxScore,
          tests: visibleTests(readRunTests(run.tests), TEAM),
          logs: run.logs,
          // The sidecars' logs (PostgreSQL, Redis) beside the candidate's output, for challenges with services.
          ...sidecarLogs(run.serviceLogs),
        }
      : null,
    rubric: rubricOf(submission),
    myReview: mine ? toMyReview(mine) : null,
  };
}

/** A review's weighted rubric total (levels 1-4): unscored criteria count 0. */
export function weightedTotal(criteria: { id: string; weight: number }[], scores: { criterionId: string; level: number }[]): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0) || 1;
  return round2(criteria.reduce((sum, c) => sum + c.weight * (scores.find((s) => s.criterionId === c.id)?.level ?? 0), 0) / totalWeight);
}

function sidecarLogs(json: Prisma.JsonValue | null): { serviceLogs?: ServiceLog[] } {
  const logs = readServiceLogs(json);
  return logs ? { serviceLogs: logs } : {};
}
