import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

/**
 * What every candidate request needs about its invitation, loaded by the guard with one indexed lookup (the
 * session's token hash): the assessment's settings and the attempt, never the challenge package (its hidden
 * tests and solutions stay out of candidate requests; pages that show the prompt or criteria read those).
 */
export const candidateInvitationInclude = {
  assessment: {
    select: {
      id: true,
      name: true,
      status: true,
      runtimes: true,
      timeLimitMinutes: true,
      graceSeconds: true,
      practiceRunsPerHour: true,
      terminalEnabled: true,
      challengeVersionId: true,
    },
  },
  attempt: { include: { submission: { select: { automatic: true, createdAt: true } } } },
} as const satisfies Prisma.InvitationInclude;

/** A live session as the autosave sees it; the attempt and file columns are null when there is none. */
export interface LiveSessionForSave {
  sessionId: string;
  invitationId: string;
  attemptId: string | null;
  attemptStatus: string | null;
  deadline: Date | null;
  graceSeconds: number;
  fileId: string | null;
  fileRevision: number | null;
  fileContent: string | null;
}

@Injectable()
export class CandidateSessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The invitation link's token, or the feedback email's, which only ever opens a submitted attempt. */
  findByTokenHash(tokenHash: string) {
    return this.prisma.client.invitation.findFirst({
      where: { OR: [{ tokenHash }, { feedbackTokenHash: tokenHash }] },
      include: { attempt: { select: { status: true, submission: { select: { feedback: { select: { releasedAt: true } } } } } } },
    });
  }

  /** Opening the link records that it was opened; a revoked invitation is never turned back into an opened one. */
  async createSession(invitationId: string, tokenHash: string, expiresAt: Date) {
    await this.prisma.client.$transaction([
      this.prisma.client.invitation.updateMany({ where: { id: invitationId, status: 'PENDING' }, data: { status: 'OPENED' } }),
      this.prisma.client.candidateSession.create({ data: { invitationId, tokenHash, expiresAt } }),
    ]);
  }

  /**
   * The session behind a cookie, if it is still live. This is the one place a session is judged valid, so a
   * rule ending sessions (a resent or revoked invitation, an ended attempt) belongs in this where clause (and in
   * findLiveSessionForSave's, its one-statement twin for the autosave).
   */
  findLiveSession(tokenHash: string) {
    return this.prisma.client.candidateSession.findFirst({
      where: { tokenHash, expiresAt: { gt: new Date() }, invitation: { status: { not: 'REVOKED' } } },
      include: { invitation: { include: candidateInvitationInclude } },
    });
  }

  /**
   * The autosave's lookup: the same rule as findLiveSession, in one indexed statement that also reads what a save
   * of `path` needs (the attempt's state and deadline, that file's row), instead of the several statements and
   * the whole invitation the include above costs. Anything unusual it finds sends the save the long way round.
   */
  async findLiveSessionForSave(tokenHash: string, now: Date, path: string): Promise<LiveSessionForSave | null> {
    const rows = await this.prisma.preparedQuery<LiveSessionForSave>(
      'live_session_for_save',
      `SELECT s.id AS "sessionId", i.id AS "invitationId", a.id AS "attemptId", a.status::text AS "attemptStatus",
              a.deadline AT TIME ZONE 'UTC' AS deadline, m."graceSeconds", f.id AS "fileId", f.revision AS "fileRevision",
              f.content AS "fileContent"
       FROM "CandidateSession" s
       JOIN "Invitation" i ON i.id = s."invitationId"
       JOIN "Assessment" m ON m.id = i."assessmentId"
       LEFT JOIN "Attempt" a ON a."invitationId" = i.id
       LEFT JOIN "DraftFile" f ON f."attemptId" = a.id AND f.path = $3
       WHERE s."tokenHash" = $1 AND s."expiresAt" > $2::timestamptz AT TIME ZONE 'UTC' AND i.status <> 'REVOKED'::"InvitationStatus"`,
      [tokenHash, now.toISOString(), path],
    );
    return rows[0] ?? null;
  }

  /** The same invitation read again, after a request changed it (an attempt submitted at its deadline). */
  findInvitation(invitationId: string) {
    return this.prisma.client.invitation.findUnique({ where: { id: invitationId }, include: candidateInvitationInclude });
  }

  deleteSession(tokenHash: string) {
    return this.prisma.client.candidateSession.deleteMany({ where: { tokenHash } });
  }
}
