import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class PasswordsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByEmail(email: string) {
    return this.prisma.client.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, organizationId: true, disabledAt: true, organization: { select: { name: true } } },
    });
  }

  findUser(id: string) {
    return this.prisma.client.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, organizationId: true, organization: { select: { name: true } } } });
  }

  transaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.client.$transaction(fn);
  }

  /** Sets the password of an active account; false when the account is deactivated (or gone). */
  async setPassword(userId: string, passwordHash: string, db: Prisma.TransactionClient = this.prisma.client): Promise<boolean> {
    const updated = await db.user.updateMany({ where: { id: userId, disabledAt: null }, data: { passwordHash } });
    return updated.count === 1;
  }
}
