import { Injectable } from '@nestjs/common';
import type { AccountTokenPurpose, Prisma, UserRole } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

type Db = Prisma.TransactionClient;

export interface NewAccountToken {
  organizationId: string;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  email: string;
  expiresAt: Date;
  userId?: string;
  role?: UserRole;
  createdById?: string;
}

@Injectable()
export class AccountTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: NewAccountToken, db: Db = this.prisma.client) {
    return db.accountToken.create({ data });
  }

  findByHash(tokenHash: string) {
    return this.prisma.client.accountToken.findUnique({
      where: { tokenHash },
      include: { organization: { select: { name: true } }, user: { select: { name: true } } },
    });
  }

  /**
   * Marks the link used if, and only if, it is still open. The condition sits in the UPDATE itself, so two
   * requests racing with one link cannot both get a row back: PostgreSQL serializes the two updates on the row.
   */
  async claim(tokenHash: string, purposes: AccountTokenPurpose[], db: Db) {
    const now = new Date();
    const claimed = await db.accountToken.updateMany({
      where: { tokenHash, purpose: { in: purposes }, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return claimed.count === 1 ? db.accountToken.findUnique({ where: { tokenHash } }) : null;
  }

  /** Withdraws every still-open link of this kind for this user, e.g. older reset links when a new one is sent. */
  revokeOpen(userId: string, purposes: AccountTokenPurpose[], db: Db = this.prisma.client) {
    return db.accountToken.updateMany({
      where: { userId, purpose: { in: purposes }, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
}
