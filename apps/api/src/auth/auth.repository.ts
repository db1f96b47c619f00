import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

const userWithOrganization = {
  id: true,
  email: true,
  name: true,
  role: true,
  passwordHash: true,
  disabledAt: true,
  organization: { select: { id: true, name: true, slug: true } },
} as const;

@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByEmail(email: string) {
    // The organization's single sign-on settings decide whether password sign-in is allowed at all.
    const organization = { select: { ...userWithOrganization.organization.select, oidcProvider: { select: { displayName: true, passwordSignInDisabled: true } } } };
    return this.prisma.client.user.findUnique({ where: { email }, select: { ...userWithOrganization, organization } });
  }

  createSession(userId: string, tokenHash: string, expiresAt: Date) {
    return this.prisma.client.session.create({ data: { userId, tokenHash, expiresAt } });
  }

  findLiveSession(tokenHash: string) {
    return this.prisma.client.session.findFirst({
      where: { tokenHash, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
      select: { id: true, lastSeenAt: true, user: { select: userWithOrganization } },
    });
  }

  findUserById(id: string) {
    return this.prisma.client.user.findUnique({ where: { id }, select: userWithOrganization });
  }

  recordSignIn(userId: string) {
    return this.prisma.client.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
  }

  /** Ends every session of a person, or every one but the session making the request. */
  deleteSessionsOf(userId: string, exceptTokenHash?: string) {
    return this.prisma.client.session.deleteMany({ where: { userId, ...(exceptTokenHash ? { tokenHash: { not: exceptTokenHash } } : {}) } });
  }

  setPasswordHash(userId: string, passwordHash: string) {
    return this.prisma.client.user.update({ where: { id: userId }, data: { passwordHash } });
  }

  touchSession(id: string, expiresAt: Date) {
    return this.prisma.client.session.update({ where: { id }, data: { lastSeenAt: new Date(), expiresAt } });
  }

  /** The ended session's user, or null when there was no such session. */
  async deleteSession(tokenHash: string) {
    const session = await this.prisma.client.session.findUnique({ where: { tokenHash }, select: { id: true, user: { select: userWithOrganization } } });
    if (!session) return null;
    const { count } = await this.prisma.client.session.deleteMany({ where: { id: session.id } });
    return count ? session : null;
  }
}
