import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

/** The process's client or a transaction of the caller's (deliveries recorded with an outbox row). */
export type WebhookWriter = Prisma.TransactionClient | PrismaClient;

/** Every query names the organization, so one organization's endpoints and deliveries never leak to another. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  get client(): WebhookWriter {
    return this.prisma.client;
  }

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

  subscribers(organizationId: string, event: string, db: WebhookWriter = this.prisma.client) {
    return db.webhookEndpoint.findMany({ where: { organizationId, active: true, events: { has: event } } });
  }

  createDelivery(endpointId: string, event: string, payload: Prisma.InputJsonValue, db: WebhookWriter = this.prisma.client) {
    return db.webhookDelivery.create({ data: { endpointId, event, payload } });
  }

  /** Recorded but never tried and older than `before`: its job may have been lost to a Redis outage. */
  undispatched(before: Date) {
    return this.prisma.client.webhookDelivery.findMany({
      where: { attempts: 0, deliveredAt: null, createdAt: { lt: before } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: 200,
    });
  }

  findDeliveryOf(organizationId: string, endpointId: string, id: string) {
    return this.prisma.client.webhookDelivery.findFirst({ where: { id, endpointId, endpoint: { organizationId } }, include: { endpoint: true } });
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
