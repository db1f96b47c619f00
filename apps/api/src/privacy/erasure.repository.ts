import { Injectable } from '@nestjs/common';
import { Prisma } from '@takehome/db';
import { hashToken, randomToken } from '../common/tokens';
import { PrismaService } from '../database/prisma.service';

/** What erasure keeps: ids, timestamps, scores, outcomes, statuses (the anonymous aggregates). */
export const ERASED_NAME = 'Erased candidate';

@Injectable()
export class ErasureRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The invitation with the ids erasure needs, scoped to the organization. */
  find(organizationId: string, invitationId: string) {
    return this.prisma.client.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: {
        id: true,
        assessmentId: true,
        candidateName: true,
        candidateEmail: true,
        erasedAt: true,
        attempt: { select: { id: true, submission: { select: { id: true } } } },
      },
    });
  }

  /**
   * Clears every personal field of one candidate in one transaction. Names and emails become placeholders;
   * code and its autosave history, logs, test outputs, survey comments, reviewers' comments (line comments are
   * deleted) and feedback text are cleared; scores, outcomes, times and statuses stay, so analytics and the pilot
   * baseline keep their numbers.
   */
  erase(organizationId: string, invitation: { id: string; candidateName: string; candidateEmail: string; attemptId?: string; submissionId?: string }) {
    const { attemptId, submissionId } = invitation;
    return this.prisma.client.$transaction(async (tx) => {
      await tx.invitation.update({
        where: { id: invitation.id },
        data: {
          candidateName: ERASED_NAME,
          // Unique per assessment, and a reserved domain (RFC 2606) nothing can be mailed to.
          candidateEmail: `erased-${invitation.id}@erased.invalid`,
          // Both links die: the person asked to be forgotten, so nothing may open their pages any more.
          tokenHash: hashToken(randomToken()),
          feedbackTokenHash: null,
          // Not submitted yet: nothing of theirs is to be graded or reviewed, so the invitation ends here.
          ...(submissionId ? {} : { status: 'REVOKED' as const, revokedAt: new Date() }),
          erasedAt: new Date(),
        },
      });
      await tx.candidateSession.deleteMany({ where: { invitationId: invitation.id } });
      if (attemptId) {
        await tx.draftFile.deleteMany({ where: { attemptId } });
        // The autosave history (code playback) is the candidate's code, save by save.
        await tx.draftRevision.deleteMany({ where: { attemptId } });
        await tx.surveyResponse.updateMany({ where: { attemptId }, data: { comments: '' } });
        // Test names are the challenge's; outputs can echo the candidate's code, so they go.
        await tx.$executeRaw`
          UPDATE "Run" SET "files" = '{}'::jsonb, "logs" = NULL,
            "tests" = (SELECT jsonb_agg(t - 'output') FROM jsonb_array_elements(COALESCE("tests", '[]'::jsonb)) t)
          WHERE "attemptId" = ${attemptId}::uuid OR "submissionId" = ${submissionId ?? null}::uuid`;
      }
      if (submissionId) {
        await tx.submission.update({ where: { id: submissionId }, data: { files: {} } });
        await tx.review.updateMany({ where: { submissionId }, data: { summary: '' } });
        await tx.reviewScore.updateMany({ where: { review: { submissionId } }, data: { comment: '' } });
        // Line comments quote and discuss the code; without it they mean nothing, so they go (shared copies too).
        await tx.reviewLineComment.deleteMany({ where: { submissionId } });
        await tx.feedback.updateMany({ where: { submissionId }, data: { body: '', criteria: [], lineComments: [] } });
      }
      // Webhook payloads already delivered or queued may carry the name or address (invitation.created).
      const terms = [invitation.candidateName, invitation.candidateEmail].map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`);
      await tx.$executeRaw`
        UPDATE "WebhookDelivery" d SET "payload" = jsonb_build_object('erased', true)
        FROM "WebhookEndpoint" e
        WHERE d."endpointId" = e."id" AND e."organizationId" = ${organizationId}::uuid
          AND (d."payload"::text ILIKE ${terms[0]} OR d."payload"::text ILIKE ${terms[1]})`;
    }, { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted });
  }
}
