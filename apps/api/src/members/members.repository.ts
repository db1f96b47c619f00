import { Injectable } from '@nestjs/common';
import type { Prisma, UserRole } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

type Tx = Prisma.TransactionClient;

/** Why a change to a member was refused inside its transaction; the service words it. */
export type MemberChangeRefusal = 'not_found' | 'actor_not_admin' | 'last_admin';
export type MemberChange<T> = { ok: true; value: T } | { ok: false; reason: MemberChangeRefusal };

const memberSelect = { id: true, name: true, email: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true } as const;

/** A review still owed: assigned, and no submitted review from that person yet (as the review queue counts it). */
const openAssignmentWhere = (organizationId: string, reviewerId?: string): Prisma.ReviewAssignmentWhereInput => ({
  ...(reviewerId ? { reviewerId } : {}),
  reviewer: { organizationId },
  submission: { attempt: { invitation: { organizationId } } },
});

@Injectable()
export class MembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  members(organizationId: string) {
    return this.prisma.client.user.findMany({ where: { organizationId }, select: memberSelect, orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }] });
  }

  member(organizationId: string, id: string) {
    return this.prisma.client.user.findFirst({ where: { id, organizationId }, select: memberSelect });
  }

  /** How many reviews each member still owes, keyed by user id. */
  async openAssignmentCounts(organizationId: string): Promise<Map<string, number>> {
    const rows = await this.prisma.client.reviewAssignment.findMany({
      where: openAssignmentWhere(organizationId),
      select: { reviewerId: true, submission: { select: { reviews: { where: { status: 'SUBMITTED' }, select: { reviewerId: true } } } } },
    });
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (row.submission.reviews.some((r) => r.reviewerId === row.reviewerId)) continue;
      counts.set(row.reviewerId, (counts.get(row.reviewerId) ?? 0) + 1);
    }
    return counts;
  }

  openAssignments(organizationId: string, reviewerId: string) {
    return this.prisma.client.reviewAssignment.findMany({
      where: { ...openAssignmentWhere(organizationId, reviewerId), submission: { attempt: { invitation: { organizationId } }, reviews: { none: { reviewerId, status: 'SUBMITTED' } } } },
      select: { assignedAt: true, submissionId: true, submission: { select: { attempt: { select: { invitation: { select: { pseudonym: true, assessment: { select: { name: true } } } } } } } } },
      orderBy: { assignedAt: 'asc' },
    });
  }

  openInvitations(organizationId: string) {
    return this.prisma.client.accountToken.findMany({
      where: { organizationId, purpose: 'INVITE', usedAt: null, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
  }

  openInvitation(organizationId: string, id: string) {
    return this.prisma.client.accountToken.findFirst({ where: { id, organizationId, purpose: 'INVITE', usedAt: null, revokedAt: null } });
  }

  openInvitationFor(organizationId: string, email: string) {
    return this.prisma.client.accountToken.findFirst({ where: { organizationId, email, purpose: 'INVITE', usedAt: null, revokedAt: null } });
  }

  emailTaken(email: string) {
    return this.prisma.client.user.findUnique({ where: { email }, select: { id: true } }).then((u) => u !== null);
  }

  /** New token and expiry for a still-open invitation; false when it was accepted or revoked meanwhile. */
  async rotateInvitation(organizationId: string, id: string, tokenHash: string, expiresAt: Date): Promise<boolean> {
    const updated = await this.prisma.client.accountToken.updateMany({
      where: { id, organizationId, purpose: 'INVITE', usedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt },
    });
    return updated.count === 1;
  }

  async revokeInvitation(organizationId: string, id: string): Promise<boolean> {
    const updated = await this.prisma.client.accountToken.updateMany({
      where: { id, organizationId, purpose: 'INVITE', usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return updated.count === 1;
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.client.$transaction(fn);
  }

  createMember(tx: Tx, data: { organizationId: string; email: string; name: string; role: UserRole; passwordHash: string }) {
    return tx.user.create({ data, select: memberSelect });
  }

  linkInvitation(tx: Tx, invitationId: string, userId: string) {
    return tx.accountToken.update({ where: { id: invitationId }, data: { userId } });
  }

  changeRole(organizationId: string, actorId: string, memberId: string, role: UserRole) {
    return this.underAdminLock(organizationId, actorId, memberId, (tx, member) => {
      const demotion = member.role === 'ADMIN' && role !== 'ADMIN' && !member.disabledAt;
      return { keepsAdmin: !demotion, change: () => tx.user.update({ where: { id: memberId }, data: { role }, select: memberSelect }) };
    });
  }

  /** Deactivates and, in the same transaction, ends every session: the person's next request is refused. */
  deactivate(organizationId: string, actorId: string, memberId: string) {
    return this.underAdminLock(organizationId, actorId, memberId, (tx, member) => ({
      keepsAdmin: member.role !== 'ADMIN' || !!member.disabledAt,
      change: async () => {
        await tx.session.deleteMany({ where: { userId: memberId } });
        await tx.accountToken.updateMany({ where: { userId: memberId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
        return tx.user.update({ where: { id: memberId }, data: { disabledAt: member.disabledAt ?? new Date() }, select: memberSelect });
      },
    }));
  }

  reactivate(organizationId: string, actorId: string, memberId: string) {
    return this.underAdminLock(organizationId, actorId, memberId, (tx) => ({
      keepsAdmin: true,
      change: () => tx.user.update({ where: { id: memberId }, data: { disabledAt: null }, select: memberSelect }),
    }));
  }

  /**
   * Every change to who is an active admin runs here, one at a time per organization: the organization's row is
   * locked (SELECT … FOR UPDATE) before the admins are counted, so two admins demoting or deactivating each other
   * at the same moment are put in line, and the second one sees the first one's change and is refused. The actor
   * is checked again under the lock too, since their own role may have changed since their request was let in.
   */
  private transactionWithLock<T>(organizationId: string, fn: (tx: Tx) => Promise<T>) {
    return this.prisma.client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
      return fn(tx);
    });
  }

  private underAdminLock<T>(
    organizationId: string,
    actorId: string,
    memberId: string,
    plan: (tx: Tx, member: { role: UserRole; disabledAt: Date | null }) => { keepsAdmin: boolean; change: () => Promise<T> },
  ): Promise<MemberChange<T>> {
    return this.transactionWithLock(organizationId, async (tx): Promise<MemberChange<T>> => {
      const member = await tx.user.findFirst({ where: { id: memberId, organizationId }, select: { role: true, disabledAt: true } });
      if (!member) return { ok: false, reason: 'not_found' };
      const actor = await tx.user.findFirst({ where: { id: actorId, organizationId, role: 'ADMIN', disabledAt: null }, select: { id: true } });
      if (!actor) return { ok: false, reason: 'actor_not_admin' };
      const { keepsAdmin, change } = plan(tx, member);
      if (!keepsAdmin && (await tx.user.count({ where: { organizationId, role: 'ADMIN', disabledAt: null } })) <= 1) {
        return { ok: false, reason: 'last_admin' };
      }
      return { ok: true, value: await change() };
    });
  }
}
