import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

/** Every query names the organization, so one organization's endpoints and deliveries never leak to another. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(organizationId: string, data: { url: string; events: string[]; secret: string }) {
    return this.prisma.client.webhookEndpoint.create({ data: { organizationId, ...data } });
  }

  list(organizationId: string) {
    return this.prisma.client.webhookEndpoint.findMany({ where: { organizationId }, orderBy: { createdAt: 'asc' } });
  }

  find(organizationId: string, id: string) {
    return this.prisma.client.webhookEndpoint.findFirst({ where: { id, organizationId } });
  }

  async deactivate(organizationId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.client.webhookEndpoint.updateMany({ where: { id, organizationId }, data: { active: false } });
    return count === 1;
  }

  deliveries(organizationId: string, endpointId: string) {
    return this.prisma.client.webhookDelivery.findMany({
      where: { endpointId, endpoint: { organizationId } },
      orderBy: { createdAt: 'desc' },
      take: 100,
    });
  }

  subscribers(organizationId: string, event: string) {
    return this.prisma.client.webhookEndpoint.findMany({ where: { organizationId, active: true, events: { has: event } } });
  }

  createDelivery(endpointId: string, event: string, payload: Prisma.InputJsonValue) {
    return this.prisma.client.webhookDelivery.create({ data: { endpointId, event, payload } });
  }

  findDelivery(id: string) {
    return this.prisma.client.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  }

  recordAttempt(id: string, outcome: { status?: number; error?: string; delivered: boolean }) {
    return this.prisma.client.webhookDelivery.update({
      where: { id },
      data: {
        attempts: { increment: 1 },
        lastStatus: outcome.status ?? null,
        lastError: outcome.error ?? null,
        ...(outcome.delivered ? { deliveredAt: new Date() } : {}),
      },
    });
  }
}
