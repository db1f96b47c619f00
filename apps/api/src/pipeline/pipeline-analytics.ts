import { type AssessmentAnalytics, type InvitationKind, PIPELINE_FLOW, type PipelineRow } from '@takehome/contracts';
import { quantile, spreadOf } from '../common/statistics';

export { quantile };

type Bucket = AssessmentAnalytics['hiddenTestDistribution'][number];

/** Equal-width buckets over [from, to]; the last is closed so a perfect score has a bucket. */
export function histogram(values: number[], from: number, to: number, width: number, label: (from: number, to: number) => string): Bucket[] {
  const count = Math.round((to - from) / width);
  const buckets = Array.from({ length: count }, (_, i) => ({ label: label(from + i * width, from + (i + 1) * width), from: from + i * width, to: from + (i + 1) * width, count: 0 }));
  for (const value of values) {
    const index = Math.min(count - 1, Math.max(0, Math.floor((value - from) / width)));
    buckets[index].count += 1;
  }
  return buckets;
}

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * One assessment's funnel for one kind of invitee, from the same rows as the dashboard. Revoked invitations
 * are counted apart and left out of everything else: the team withdrew them, the invitee did not drop off.
 */
export function analyticsOf(kind: InvitationKind, all: PipelineRow[]): AssessmentAnalytics {
  const rows = all.filter((r) => r.kind === kind && r.stage !== 'REVOKED');
  const submitted = rows.filter((r) => r.submittedAt);
  // An expired row reached INVITED only; every other stage outside the flow is REVOKED, filtered above.
  const furthest = rows.map((r) => Math.max(0, PIPELINE_FLOW.indexOf(r.stage)));
  const reached = PIPELINE_FLOW.map((_, i) => furthest.filter((f) => f >= i).length);
  const feedbackHours = submitted
    .filter((r) => r.feedbackReleasedAt)
    .map((r) => (new Date(r.feedbackReleasedAt!).getTime() - new Date(r.submittedAt!).getTime()) / 3_600_000);
  const minutes = spreadOf(submitted.flatMap((r) => (r.minutesTaken === null ? [] : [r.minutesTaken])));
  const hiddenPercent = rows.flatMap((r) => (r.gradedAt && r.hiddenTests && r.hiddenTests.maxScore > 0 ? [(r.hiddenTests.score * 100) / r.hiddenTests.maxScore] : []));
  const rubric = rows.flatMap((r) => (r.reviewedAt && r.rubricScore !== null ? [r.rubricScore] : []));
  return {
    kind,
    invited: rows.length,
    revoked: all.filter((r) => r.kind === kind && r.stage === 'REVOKED').length,
    expired: rows.filter((r) => r.stage === 'EXPIRED').length,
    completionRate: ratio(submitted.length, rows.length),
    dropOff: PIPELINE_FLOW.map((stage, i) => {
      const lost = i === 0 ? 0 : reached[i - 1] - reached[i];
      return { stage, reached: reached[i], lostFromPrevious: lost, lostRate: i === 0 ? null : ratio(lost, reached[i - 1]) };
    }),
    timeToFeedbackHours: { count: feedbackHours.length, median: quantile(feedbackHours, 0.5), p90: quantile(feedbackHours, 0.9) },
    minutesTaken: { count: minutes.count, median: minutes.median },
    hiddenTestDistribution: histogram(hiddenPercent, 0, 100, 10, (from, to) => `${from}–${to}%`),
    rubricDistribution: histogram(rubric, 1, 4, 0.5, (from, to) => `${from.toFixed(1)}–${to.toFixed(1)}`),
  };
}
