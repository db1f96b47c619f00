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
   * rule ending sessions (a resent or revoked invitation, an ended attempt) belongs in this where clause.
   */
  findLiveSession(tokenHash: string) {
    return this.prisma.client.candidateSession.findFirst({
      where: { tokenHash, expiresAt: { gt: new Date() }, invitation: { status: { not: 'REVOKED' } } },
      include: { invitation: { include: candidateInvitationInclude } },
    });
  }

  /** The same invitation read again, after a request changed it (an attempt submitted at its deadline). */
  findInvitation(invitationId: string) {
    return this.prisma.client.invitation.findUnique({ where: { id: invitationId }, include: candidateInvitationInclude });
  }

  deleteSession(tokenHash: string) {
    return this.prisma.client.candidateSession.deleteMany({ where: { tokenHash } });
  }
}
