import { Injectable } from '@nestjs/common';
import type { RunTest } from '@takehome/contracts';
import { AuditService } from '../../audit/audit.service';
import { PrismaService } from '../../database/prisma.service';
import { toCandidateRun } from '../../runs/run-views';
import type { CandidateInvitation } from './candidate-context';
import { toCandidateFeedback } from './candidate-views';

/**
 * A candidate's copy of everything held about them (the right of access), as one JSON document. Nothing
 * hidden from them elsewhere appears here either: hidden tests only as counts, and only once feedback is
 * released; no reviewer's notes, scores or recommendation; no token hashes.
 */
@Injectable()
export class CandidateExportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async export(invitation: CandidateInvitation) {
    // The candidate is the actor (no team member): recorded against the invitation.
    await this.audit.record(invitation.organizationId, null, 'candidate.data_exported', { type: 'Invitation', id: invitation.id }, {});
    const attemptId = invitation.attempt?.id;
    const [assessment, attempt] = await Promise.all([
      this.prisma.client.assessment.findUniqueOrThrow({ where: { id: invitation.assessmentId }, select: { name: true, organization: { select: { name: true } } } }),
      attemptId
        ? this.prisma.client.attempt.findUnique({
            where: { id: attemptId },
            include: {
              files: { orderBy: { path: 'asc' } },
              submission: { select: { createdAt: true, files: true, contentHash: true, automatic: true, automaticReason: true, feedback: { where: { releasedAt: { not: null } } } } },
              runs: { where: { kind: 'PRACTICE' }, orderBy: { queuedAt: 'asc' } },
              survey: true,
            },
          })
        : null,
    ]);
    const grading = attemptId
      ? await this.prisma.client.run.findFirst({ where: { kind: 'GRADING', submission: { attemptId }, status: 'FINISHED' }, orderBy: { finishedAt: 'desc' }, select: { tests: true } })
      : null;
    const feedback = attempt?.submission?.feedback;
    return {
      exportedAt: new Date().toISOString(),
      about: 'Everything this hiring platform holds about you for this assessment.',
      organization: assessment.organization.name,
      assessment: assessment.name,
      you: {
        name: invitation.candidateName,
        email: invitation.candidateEmail,
        invitedAt: invitation.createdAt.toISOString(),
        linkExpiresAt: invitation.expiresAt.toISOString(),
        extraMinutes: invitation.accommodationMinutes,
      },
      attempt: attempt && {
        runtime: attempt.runtime,
        status: attempt.status,
        startedAt: attempt.startedAt.toISOString(),
        deadline: attempt.deadline.toISOString(),
        submittedAt: attempt.submittedAt?.toISOString() ?? null,
        draftFiles: Object.fromEntries(attempt.files.map((f) => [f.path, f.content])),
        submission: attempt.submission && {
          submittedAt: attempt.submission.createdAt.toISOString(),
          submittedAutomatically: attempt.submission.automatic,
          reason: attempt.submission.automaticReason,
          contentHash: attempt.submission.contentHash,
          files: attempt.submission.files,
        },
        // Practice runs as the candidate saw them while working: visible tests only.
        practiceRuns: attempt.runs.map((run) => toCandidateRun(run, { kind: 'candidate', released: false })),
        survey: attempt.survey && {
          minutesSpent: attempt.survey.minutesSpent,
          difficulty: attempt.survey.difficulty,
          promptClarity: attempt.survey.promptClarity,
          comments: attempt.survey.comments,
          answeredAt: attempt.survey.createdAt.toISOString(),
        },
        feedback: feedback ? toCandidateFeedback(feedback, (grading?.tests as RunTest[] | null) ?? null) : { released: false },
      },
    };
  }
}
