import { type CandidateAttempt, challengeServices, type CandidateFeedback, type CandidateOverview, type RunTest, sharedLineComment } from '@takehome/contracts';
import { z } from 'zod';
import type { Feedback } from '@takehome/db';
import { testCounts, visibleTests } from '../../runs/run-results';
import type { CandidateInvitation } from './candidate-context';

export function toCandidateAttempt(invitation: CandidateInvitation): CandidateAttempt | null {
  const a = invitation.attempt;
  if (!a) return null;
  return {
    status: a.status,
    runtime: a.runtime,
    startedAt: a.startedAt.toISOString(),
    deadline: a.deadline.toISOString(),
    graceSeconds: invitation.assessment.graceSeconds,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    automatic: a.submission?.automatic ?? false,
  };
}

/** Criteria in plain words (title and description); the level descriptors are the reviewers' scale. */
export interface ChallengeSummary {
  title: string;
  summary: string;
  skills: string[];
  /** The stored challenge.yaml: only its `services` are read here (challengeServices), never its suites. */
  manifest: unknown;
  rubric: { criteria: { title: string; description: string; weight: number; position: number }[] } | null;
}

export function toOverview(invitation: CandidateInvitation, version: ChallengeSummary, extra: { surveyAnswered: boolean; feedbackReleased: boolean }): CandidateOverview {
  const { assessment } = invitation;
  const criteria = [...(version.rubric?.criteria ?? [])].sort((a, b) => a.position - b.position);
  return {
    candidateName: invitation.candidateName,
    assessmentName: assessment.name,
    challenge: {
      title: version.title,
      summary: version.summary,
      skills: version.skills,
      runtimes: assessment.runtimes,
      services: challengeServices(version.manifest),
      criteria: criteria.map((c) => ({ title: c.title, description: c.description, weight: c.weight })),
    },
    timeLimitMinutes: assessment.timeLimitMinutes,
    accommodationMinutes: invitation.accommodationMinutes,
    practiceRunsPerHour: assessment.practiceRunsPerHour,
    hasHiddenTests: true,
    // Said before the start: every autosave is kept and reviewers can replay it.
    codeHistoryShownToReviewers: true,
    attempt: toCandidateAttempt(invitation),
    ...extra,
    serverTime: new Date().toISOString(),
  };
}

/**
 * Feedback as released by the lead: released, so the candidate's audience now includes the tests marked
 * `after_published`. Skipped tests are out of the counts and the list, as they are out of the score. Hidden
 * tests are reduced to counts: their names and output would tell the next candidate what the hidden suite checks.
 */
export function toCandidateFeedback(feedback: Feedback, tests: RunTest[] | null): CandidateFeedback {
  const audience = { kind: 'candidate', released: true } as const;
  const counts = tests && testCounts(tests, audience);
  return {
    released: true,
    releasedAt: feedback.releasedAt!.toISOString(),
    body: feedback.body,
    criteria: ((feedback.criteria as { title?: string; comment?: string }[] | null) ?? []).map((c) => ({
      title: String(c.title ?? ''),
      comment: String(c.comment ?? ''),
    })),
    // Written at release from comments reviewers chose to share; parsed, so a malformed row shows nothing.
    lineComments: z.array(sharedLineComment).catch([]).parse(feedback.lineComments ?? []),
    tests:
      tests && counts
        ? {
            visible: { ...counts.shown, names: visibleTests(tests, audience)
                .filter((t) => t.status !== 'skipped')
                .map((t) => ({ name: t.name, passed: t.status === 'passed' })) },
            hidden: counts.withheld,
          }
        : null,
  };
}
