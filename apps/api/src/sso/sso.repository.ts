import { Injectable } from '@nestjs/common';
import type { Prisma, UserRole } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

export type OidcProviderRow = NonNullable<Awaited<ReturnType<SsoRepository['findProvider']>>>;
export type SsoUserRow = NonNullable<Awaited<ReturnType<SsoRepository['findUserByEmail']>>>;

const organizationWithProvider = { id: true, name: true, slug: true, oidcProvider: true } as const;

@Injectable()
export class SsoRepository {
  constructor(private readonly prisma: PrismaService) {}

  findProvider(organizationId: string) {
    return this.prisma.client.oidcProvider.findUnique({ where: { organizationId } });
  }

  saveProvider(organizationId: string, data: Omit<Prisma.OidcProviderUncheckedCreateInput, 'organizationId'>) {
    return this.prisma.client.oidcProvider.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
  }

  async deleteProvider(organizationId: string): Promise<boolean> {
    return (await this.prisma.client.oidcProvider.deleteMany({ where: { organizationId } })).count > 0;
  }

  /** Another organization's provider already claiming any of these domains, if one does. */
  findDomainClaim(domains: string[], exceptOrganizationId: string) {
    if (domains.length === 0) return Promise.resolve(null);
    return this.prisma.client.oidcProvider.findFirst({
      where: { allowedDomains: { hasSome: domains }, organizationId: { not: exceptOrganizationId } },
      select: { allowedDomains: true },
    });
  }

  findOrganizationByDomain(domain: string) {
    return this.prisma.client.organization.findFirst({ where: { oidcProvider: { allowedDomains: { has: domain } } }, select: organizationWithProvider });
  }

  findOrganizationBySlug(slug: string) {
    return this.prisma.client.organization.findUnique({ where: { slug }, select: organizationWithProvider });
  }

  findOrganizationById(id: string) {
    return this.prisma.client.organization.findUnique({ where: { id }, select: organizationWithProvider });
  }

  findUserByEmail(email: string) {
    return this.prisma.client.user.findUnique({
      where: { email },
      select: { id: true, organizationId: true, disabledAt: true, organization: { select: organizationWithProvider } },
    });
  }

  createUser(data: { organizationId: string; email: string; name: string; role: UserRole; passwordHash: string }) {
    return this.prisma.client.user.create({ data, select: { id: true } });
  }

  markVerified(organizationId: string) {
    return this.prisma.client.oidcProvider.updateMany({ where: { organizationId, verifiedAt: null }, data: { verifiedAt: new Date() } });
  }
}
