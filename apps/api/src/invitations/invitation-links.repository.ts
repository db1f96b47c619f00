import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** What a candidate request needs about its invitation, loaded once by the guard. */
export const candidateInvitationInclude = {
  assessment: { include: { challengeVersion: { include: { rubric: { include: { criteria: true } } } } } },
  attempt: { include: { submission: { select: { automatic: true, createdAt: true } } } },
} as const;

@Injectable()
export class InvitationLinksRepository {
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

  findLiveSession(tokenHash: string) {
    return this.prisma.client.candidateSession.findFirst({
      where: { tokenHash, expiresAt: { gt: new Date() }, invitation: { status: { not: 'REVOKED' } } },
      include: { invitation: { include: candidateInvitationInclude } },
    });
  }

  deleteSession(tokenHash: string) {
    return this.prisma.client.candidateSession.deleteMany({ where: { tokenHash } });
  }
}
