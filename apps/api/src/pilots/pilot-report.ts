import { type PilotBaseline, pilotBaseline, type PilotReport, type PilotTaker, type PilotTestStat, type RunTest } from '@takehome/contracts';
import { z } from 'zod';
import { krippendorffAlpha } from '../reviews/krippendorff-alpha';
import { meanOf, round2, spreadOf } from '../common/statistics';
import { pipelineRowOf } from '../pipeline/pipeline-rows';
import { readRunTests, seenWhileWorking } from '../runs/run-results';
import type { PilotInvitation } from './pilots.repository';

export interface Criterion {
  id: string;
  key: string;
  title: string;
  weight: number;
}

export interface PilotAssessment {
  id: string;
  challengeVersionId: string;
  status: PilotReport['status'];
  timeLimitMinutes: number;
  pilotBaseline: unknown;
  challengeVersion?: { mutants: unknown };
}

const median = (values: number[]) => spreadOf(values).median;

/**
 * The pilot report, derived on every read from what the platform recorded, so it is "live": a teammate who
 * submits or a reviewer who scores shows up on the next refresh. Nothing here is stored until launch.
 */
export function pilotReportOf(
  assessment: PilotAssessment,
  criteria: Criterion[],
  invitations: PilotInvitation[],
  referenceTests: RunTest[] | null,
  viewerId: string,
  now = new Date(),
): PilotReport {
  const tests = testStatsOf(invitations, referenceTests, assessment.challengeVersionId);
  const totals = { hidden: tests.filter((t) => t.visibility === 'hidden').length, visible: tests.filter((t) => t.visibility === 'visible').length };
  const takers = invitations.map((invitation) => takerOf(invitation, assessment, criteria, totals, viewerId, now));
  // Names as this viewer may see them (identityVisibility), for the survey and review tables too.
  const nameOf = new Map(takers.map((t) => [t.invitationId, t.name]));
  const finished = takers.filter((t) => t.submittedAt);
  const survey = invitations.flatMap((i) => (i.attempt?.survey ? [{ invitationId: i.id, takerName: nameOf.get(i.id)!, ...i.attempt.survey }] : []));
  return {
    assessmentId: assessment.id,
    status: assessment.status,
    timeLimitMinutes: assessment.timeLimitMinutes,
    invited: takers.length,
    finished: finished.length,
    takers,
    minutesTaken: spreadOf(finished.flatMap((t) => (t.minutesTaken === null ? [] : [t.minutesTaken]))),
    ranOutOfTime: finished.filter((t) => t.ranOutOfTime).length,
    tests,
    reviews: reviewsOf(invitations, criteria, nameOf),
    survey: {
      responses: survey,
      medianMinutesSpent: median(survey.map((s) => s.minutesSpent)),
      meanDifficulty: meanOf(survey.map((s) => s.difficulty)),
      meanClarity: meanOf(survey.map((s) => s.promptClarity)),
    },
    baseline: storedBaseline(assessment.pilotBaseline),
    mutants: mutantCountsOf(assessment),
  };
}

/**
 * Mutants per runtime, from the names stored with the version. Black-box suites are the same for every runtime,
 * so mutants in any runtime prove the suite; an empty list means nothing did.
 */
function mutantCountsOf(assessment: PilotAssessment): PilotReport['mutants'] {
  const parsed = z.record(z.string(), z.array(z.string())).safeParse(assessment.challengeVersion?.mutants ?? {});
  const names = parsed.success ? parsed.data : {};
  return Object.entries(names).filter(([, n]) => n.length > 0).map(([runtime, n]) => ({ runtime, count: n.length }));
}

function takerOf(
  invitation: PilotInvitation,
  assessment: PilotAssessment,
  criteria: Criterion[],
  totals: { hidden: number; visible: number },
  viewerId: string,
  now: Date,
): PilotTaker {
  const row = pipelineRowOf(invitation, criteria, viewerId, now);
  // A service that never started has no per-test results: it passed none of the tests the others ran. A taker
  // graded on an earlier challenge version ran other tests: no counts, so the baseline compares like with like.
  const gradedOn = invitation.attempt?.submission?.runs[0]?.challengeVersionId;
  const otherVersion = gradedOn !== undefined && gradedOn !== assessment.challengeVersionId;
  const scored = (count: PilotTaker['hiddenTests'], total: number) =>
    otherVersion ? null : count && count.maxScore === 0 && total > 0 ? { score: 0, maxScore: total } : count;
  return {
    invitationId: row.invitationId,
    name: row.name,
    email: row.email,
    stage: row.stage,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    minutesTaken: row.minutesTaken,
    minutesAllowed: assessment.timeLimitMinutes + row.accommodationMinutes,
    ranOutOfTime: row.ranOutOfTime,
    hiddenTests: scored(row.hiddenTests, totals.hidden),
    visibleTests: scored(row.visibleTests, totals.visible),
    rubricScore: row.rubricScore,
  };
}

/**
 * Pass rate of every test over graded pilot submissions of the current version. A submission whose service never started has no
 * per-test results; it failed every test, so it counts in each total. A test is flagged as possibly wrong
 * when every pilot taker failed it (the team knows the problem; if none of them passes, suspect the test
 * first), or when the reference solution itself fails it.
 */
export function testStatsOf(invitations: PilotInvitation[], referenceTests: RunTest[] | null, challengeVersionId: string): PilotTestStat[] {
  // Only submissions graded against the assessment's current challenge version: another version has other tests.
  const graded = invitations.flatMap((i) => {
    const run = i.attempt?.submission?.runs[0];
    return run && run.challengeVersionId === challengeVersionId ? [readRunTests(run.tests)] : [];
  });
  const visibilityOf = new Map<string, 'visible' | 'hidden'>();
  for (const test of [...graded.flat(), ...(referenceTests ?? [])]) {
    if (!visibilityOf.has(test.name)) visibilityOf.set(test.name, seenWhileWorking(test) ? 'visible' : 'hidden');
  }

  return [...visibilityOf].map(([name, visibility]) => {
    const total = graded.length;
    const passed = graded.filter((tests) => tests.some((t) => t.name === name && t.status === 'passed')).length;
    const referencePasses = referenceTests ? referenceTests.some((t) => t.name === name && t.status === 'passed') : null;
    const everyoneFailed = total > 0 && passed === 0;
    const flagReason =
      referencePasses === false
        ? 'The reference solution fails it too: the test itself is probably wrong.'
        : everyoneFailed && referencePasses
          ? `The reference solution passes it, but all ${total} pilot takers failed it: check that the prompt asks for what it tests.`
          : everyoneFailed
            ? `All ${total} pilot takers failed it: check the test and that the prompt asks for what it tests.`
            : null;
    return { name, visibility, passed, total, passRate: total ? round2(passed / total) : null, referencePasses, flagged: flagReason !== null, flagReason };
  });
}

/** Rubric scores of submitted reviews on pilot submissions, and how far reviewers agree (Krippendorff's alpha). */
export function reviewsOf(invitations: PilotInvitation[], criteria: Criterion[], nameOf: Map<string, string>): PilotReport['reviews'] {
  const reviewed = invitations.flatMap((invitation) => {
    const reviews = invitation.attempt?.submission?.reviews.filter((r) => r.status === 'SUBMITTED') ?? [];
    return reviews.length ? [{ invitation, reviews }] : [];
  });
  const units: number[][] = [];
  const perCriterion = criteria.map((criterion) => {
    let maxSpread = 0;
    const scores = reviewed.flatMap(({ invitation, reviews }) => {
      const levels = reviews.flatMap((r) => r.scores.filter((s) => s.criterionId === criterion.id).map((s) => ({ reviewerName: r.reviewer.name, level: s.level })));
      if (levels.length) {
        units.push(levels.map((l) => l.level));
        maxSpread = Math.max(maxSpread, Math.max(...levels.map((l) => l.level)) - Math.min(...levels.map((l) => l.level)));
      }
      return levels.map((l) => ({ invitationId: invitation.id, takerName: nameOf.get(invitation.id)!, ...l }));
    });
    return { key: criterion.key, title: criterion.title, mean: meanOf(scores.map((s) => s.level)), maxSpread, scores };
  });
  const alpha = krippendorffAlpha(units, 'interval');
  return {
    submitted: reviewed.reduce((sum, r) => sum + r.reviews.length, 0),
    alpha: alpha === null ? null : round2(alpha),
    criteria: perCriterion,
  };
}

/** What launch keeps: medians over the takers who finished, so one outlier does not move the benchmark. */
export function baselineOf(report: PilotReport, criteria: Criterion[], now = new Date()): PilotBaseline | null {
  const finished = report.takers.filter((t) => t.submittedAt);
  if (finished.length === 0) return null;
  const graded = finished.filter((t) => t.hiddenTests || t.visibleTests);
  const countOf = (pick: (t: PilotTaker) => PilotTaker['hiddenTests']) => ({
    medianPassed: median(graded.flatMap((t) => (pick(t) ? [pick(t)!.score] : []))),
    total: Math.max(0, ...graded.map((t) => pick(t)?.maxScore ?? 0)),
  });
  return {
    frozenAt: now.toISOString(),
    takers: finished.length,
    medianMinutes: report.minutesTaken.median,
    hiddenTests: countOf((t) => t.hiddenTests),
    visibleTests: countOf((t) => t.visibleTests),
    rubric: {
      medianWeightedTotal: median(finished.flatMap((t) => (t.rubricScore === null ? [] : [t.rubricScore]))),
      criteria: criteria.map((criterion) => {
        const scores = report.reviews.criteria.find((c) => c.key === criterion.key)?.scores ?? [];
        // One value per taker (the mean of their reviewers), then the median across takers.
        const byTaker = new Map<string, number[]>();
        for (const s of scores) byTaker.set(s.invitationId, [...(byTaker.get(s.invitationId) ?? []), s.level]);
        const perTaker = [...byTaker.values()].map((levels) => meanOf(levels)!);
        return { key: criterion.key, title: criterion.title, median: median(perTaker) };
      }),
    },
  };
}

/** A stored baseline that no longer parses (written by an older version) is shown as none rather than failing the page. */
export function storedBaseline(value: unknown): PilotBaseline | null {
  const parsed = pilotBaseline.safeParse(value);
  return parsed.success ? parsed.data : null;
}
