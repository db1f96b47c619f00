import type { CandidateReport } from '@takehome/contracts';
import { meanOf } from '../common/statistics';
import { pipelineRowOf } from '../pipeline/pipeline-rows';
import { type Criterion, type PilotAssessment, storedBaseline } from './pilot-report';
import type { PilotInvitation } from './pilots.repository';

/** One invitee's results, each next to the pilot's median, so a benchmark exists from the first pilot on. */
export function candidateReportOf(
  assessment: PilotAssessment,
  criteria: Criterion[],
  invitation: PilotInvitation,
  viewerId: string,
  now = new Date(),
): CandidateReport {
  // Name and email as the dashboard shows them to this viewer (identityVisibility).
  const row = pipelineRowOf(invitation, criteria, viewerId, now);
  const baseline = storedBaseline(assessment.pilotBaseline);
  const reviews = invitation.attempt?.submission?.reviews.filter((r) => r.status === 'SUBMITTED') ?? [];
  // A service that never started has no per-test results; against a baseline it still scored 0 of its tests.
  const tests = (count: { score: number; maxScore: number } | null, pilot: { medianPassed: number | null; total: number } | undefined) =>
    count ? { passed: count.score, total: count.maxScore || (pilot?.total ?? 0), pilotMedian: pilot?.medianPassed ?? null } : null;
  return {
    assessmentId: assessment.id,
    invitationId: invitation.id,
    kind: invitation.kind,
    name: row.name,
    email: row.email,
    identityHidden: row.identityHidden,
    stage: row.stage,
    submissionId: row.submissionId,
    timeLimitMinutes: assessment.timeLimitMinutes + invitation.accommodationMinutes,
    minutesTaken: row.minutesTaken,
    ranOutOfTime: row.ranOutOfTime,
    hiddenTests: tests(row.hiddenTests, baseline?.hiddenTests),
    visibleTests: tests(row.visibleTests, baseline?.visibleTests),
    rubric: reviews.length
      ? {
          weightedTotal: row.rubricScore,
          pilotMedian: baseline?.rubric.medianWeightedTotal ?? null,
          criteria: criteria.map((criterion) => {
            const levels = reviews.flatMap((r) => r.scores.filter((s) => s.criterionId === criterion.id).map((s) => s.level));
            return {
              key: criterion.key,
              title: criterion.title,
              mean: meanOf(levels),
              pilotMedian: baseline?.rubric.criteria.find((c) => c.key === criterion.key)?.median ?? null,
            };
          }),
        }
      : null,
    recommendations: reviews.flatMap((r) => (r.recommendation ? [r.recommendation] : [])),
    feedbackReleasedAt: row.feedbackReleasedAt,
    erasedAt: invitation.erasedAt?.toISOString() ?? null,
    baseline,
  };
}

