import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  setApiKey(organizationId: string, key: { hash: string; prefix: string } | null) {
    return this.prisma.client.organization.update({
      where: { id: organizationId },
      data: { apiKeyHash: key?.hash ?? null, apiKeyPrefix: key?.prefix ?? null, apiKeyCreatedAt: key ? new Date() : null },
    });
  }

  apiKeyStatus(organizationId: string) {
    return this.prisma.client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { apiKeyHash: true, apiKeyPrefix: true, apiKeyCreatedAt: true } });
  }

  findByApiKeyHash(apiKeyHash: string) {
    return this.prisma.client.organization.findUnique({ where: { apiKeyHash }, select: { id: true, name: true, slug: true } });
  }
}
