import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  setApiKeyHash(organizationId: string, apiKeyHash: string | null) {
    return this.prisma.client.organization.update({ where: { id: organizationId }, data: { apiKeyHash } });
  }

  findByApiKeyHash(apiKeyHash: string) {
    return this.prisma.client.organization.findUnique({ where: { apiKeyHash }, select: { id: true, name: true, slug: true } });
  }
}
