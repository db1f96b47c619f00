import { Injectable } from '@nestjs/common';
import type { InvitationKind, Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';
import { gradeRun } from '../runs/run-results';

/** Everything a dashboard row is derived from; hidden test results included (team-only reads). */
export const pipelineInclude = {
  // Whether identity may be shown next to the submission (reviews/identity-visibility.ts).
  assessment: { select: { blindReview: true } },
  attempt: {
    select: {
      id: true,
      status: true,
      runtime: true,
      startedAt: true,
      deadline: true,
      submittedAt: true,
      submission: {
        select: {
          id: true,
          automatic: true,
          createdAt: true,
          // The submission's grade, as the runs module defines it (a platform failure is no grade, not a 0).
          runs: gradeRun({ finishedAt: true, tests: true }),
          assignments: { select: { reviewerId: true } },
          reviews: { select: { reviewerId: true, status: true, submittedAt: true, scores: { select: { criterionId: true, level: true } } } },
          feedback: { select: { releasedAt: true } },
        },
      },
    },
  },
} satisfies Prisma.InvitationInclude;

export type PipelineInvitation = Prisma.InvitationGetPayload<{ include: typeof pipelineInclude }>;

/**
 * An invitation the lead can still change: not revoked, and its work not submitted. Part of every conditional
 * update below, so a revocation or a submission that happened meanwhile wins.
 */
const stillOpen = {
  status: { not: 'REVOKED' },
  OR: [{ attempt: null }, { attempt: { status: 'IN_PROGRESS' } }],
} satisfies Prisma.InvitationWhereInput;

export interface NewInvitation {
  id: string;
  candidateName: string;
  candidateEmail: string;
  accommodationMinutes: number;
  tokenHash: string;
  expiresAt: Date;
}

/** Every query is scoped by organization (and assessment): another organization's rows do not exist here. */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAssessment(organizationId: string, id: string) {
    return this.prisma.client.assessment.findFirst({
      where: { id, organizationId },
      select: {
        id: true,
        name: true,
        status: true,
        timeLimitMinutes: true,
        graceSeconds: true,
        challengeVersion: { select: { rubric: { select: { criteria: { select: { id: true, weight: true } } } } } },
      },
    });
  }

  list(organizationId: string, assessmentId: string, filter: { kind?: InvitationKind; q?: string } = {}) {
    const q = filter.q?.trim();
    return this.prisma.client.invitation.findMany({
      where: {
        organizationId,
        assessmentId,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(q ? { OR: [{ candidateName: { contains: q, mode: 'insensitive' } }, { candidateEmail: { contains: q, mode: 'insensitive' } }] } : {}),
      },
      include: pipelineInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  find(organizationId: string, assessmentId: string, id: string) {
    return this.prisma.client.invitation.findFirst({ where: { id, assessmentId, organizationId }, include: pipelineInclude });
  }

  findMany(organizationId: string, ids: string[]) {
    return this.prisma.client.invitation.findMany({ where: { organizationId, id: { in: ids } }, include: pipelineInclude, orderBy: { createdAt: 'asc' } });
  }

  /** Which of these emails already have an invitation to the assessment. */
  async invitedEmails(assessmentId: string, emails: string[]): Promise<Set<string>> {
    const rows = await this.prisma.client.invitation.findMany({
      where: { assessmentId, candidateEmail: { in: emails } },
      select: { candidateEmail: true },
    });
    return new Set(rows.map((r) => r.candidateEmail));
  }

  /**
   * All or nothing: one transaction numbers the pseudonyms after the assessment's existing invitations and
   * inserts every row in one statement. A concurrent invite of the same email fails the whole batch (P2002).
   */
  createAll(organizationId: string, assessmentId: string, kind: InvitationKind, rows: NewInvitation[]) {
    const prefix = kind === 'PILOT' ? 'Pilot' : 'Candidate';
    return this.prisma.client.$transaction(
      async (tx) => {
        // Two imports at once would count the same existing rows and hand out the same pseudonyms, which blind
        // reviewers tell candidates apart by: one import numbers at a time, per assessment.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${assessmentId}))`;
        const existing = await tx.invitation.count({ where: { assessmentId } });
        await tx.invitation.createMany({
          data: rows.map((row, i) => ({
            ...row,
            organizationId,
            assessmentId,
            kind,
            pseudonym: `${prefix} ${String(existing + i + 1).padStart(3, '0')}`,
          })),
        });
      },
      { timeout: 20_000 },
    );
  }

  /** Stamped only once the email went out, so a failed send shows as "not sent" on the dashboard. */
  markSent(id: string, sentAt: Date) {
    return this.prisma.client.invitation.update({ where: { id }, data: { sentAt, sendCount: { increment: 1 } } });
  }

  /** Conditional: a revocation or submission that happened meanwhile wins, and nothing is rotated. */
  /**
   * A resent link replaces the old one, and ends the sessions opened with it: a resend is how a team answers
   * "my link may have leaked", so a browser already holding the old link's session must not keep working.
   */
  rotateToken(id: string, tokenHash: string, expiresAt: Date | undefined): Promise<boolean> {
    return this.prisma.client.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id, ...stillOpen },
        data: { tokenHash, ...(expiresAt ? { expiresAt } : {}) },
      });
      if (count === 0) return false;
      await tx.candidateSession.deleteMany({ where: { invitationId: id } });
      return true;
    });
  }

  /**
   * Link expiry and accommodation, and the deadline of an attempt under way, move together or not at all.
   * Returns the attempt's new deadline (null when there is no attempt under way), or false when the
   * invitation was revoked or its attempt submitted meanwhile.
   */
  extend(id: string, change: { expiresAt?: Date; extraMinutes?: number }): Promise<Date | null | false> {
    return this.prisma.client.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id, ...stillOpen },
        data: {
          ...(change.expiresAt ? { expiresAt: change.expiresAt } : {}),
          ...(change.extraMinutes ? { accommodationMinutes: { increment: change.extraMinutes } } : {}),
        },
      });
      if (count === 0) return false;
      if (!change.extraMinutes) return null;
      const attempt = await tx.attempt.findUnique({ where: { invitationId: id }, select: { id: true, status: true, deadline: true } });
      if (!attempt || attempt.status !== 'IN_PROGRESS') return null;
      const moved = await tx.attempt.update({
        where: { id: attempt.id },
        data: { deadline: new Date(attempt.deadline.getTime() + change.extraMinutes * 60_000) },
        select: { deadline: true },
      });
      return moved.deadline;
    });
  }

  /** Revokes and ends the candidate's open sessions in one step; refused (false) once the work is submitted. */
  revoke(id: string): Promise<boolean> {
    return this.prisma.client.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({
        where: { id, ...stillOpen },
        data: { status: 'REVOKED', revokedAt: new Date() },
      });
      if (count === 0) return false;
      await tx.candidateSession.deleteMany({ where: { invitationId: id } });
      return true;
    });
  }
}
