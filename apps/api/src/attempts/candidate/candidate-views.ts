import { type CandidateAttempt, type CandidateFeedback, type CandidateOverview, type RunTest, sharedLineComment } from '@takehome/contracts';
import { z } from 'zod';
import type { Feedback } from '@takehome/db';
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
export function toOverview(invitation: CandidateInvitation, extra: { surveyAnswered: boolean; feedbackReleased: boolean }): CandidateOverview {
  const { assessment } = invitation;
  const version = assessment.challengeVersion;
  const criteria = [...(version.rubric?.criteria ?? [])].sort((a, b) => a.position - b.position);
  return {
    candidateName: invitation.candidateName,
    assessmentName: assessment.name,
    challenge: {
      title: version.title,
      summary: version.summary,
      skills: version.skills,
      runtimes: assessment.runtimes,
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
 * Feedback as released by the lead. Tests not marked visible are reduced to counts: their names and output
 * would tell the next candidate what the hidden suite checks.
 */
export function toCandidateFeedback(feedback: Feedback, tests: RunTest[] | null): CandidateFeedback {
  // Skipped tests are out of the maximum, so they are out of the "n of m passed" counts too.
  const ran = (tests ?? []).filter((t) => t.status !== 'skipped');
  const visible = ran.filter((t) => t.visibility === 'visible');
  const hidden = ran.filter((t) => t.visibility !== 'visible');
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
    tests: tests
      ? {
          visible: {
            passed: visible.filter((t) => t.status === 'passed').length,
            total: visible.length,
            names: visible.map((t) => ({ name: t.name, passed: t.status === 'passed' })),
          },
          hidden: { passed: hidden.filter((t) => t.status === 'passed').length, total: hidden.length },
        }
      : null,
  };
}
