import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { CreateWebhookRequest, WebhookEvent } from '@takehome/contracts';
import type { Queue } from 'bullmq';
import { AuditService } from '../audit/audit.service';
import { randomToken } from '../common/tokens';
import { QUEUE_WRITE_TIMEOUT_MS, withTimeout } from '../common/with-timeout';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { checkTarget, postToTarget, refuseInternalTarget } from './webhook-target';
import { signWebhook } from './webhook-signature';
import { type WebhookWriter, WebhooksRepository } from './webhooks.repository';

export const WEBHOOK_QUEUE = 'webhooks';
const DELIVERY_TIMEOUT_MS = 10_000;

@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly repository: WebhooksRepository,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly audit: AuditService,
  ) {}

  async create(organizationId: string, request: CreateWebhookRequest, actorId: string | null = null) {
    const refused = await refuseInternalTarget(request.url, this.config.WEBHOOK_ALLOW_INTERNAL_TARGETS);
    if (refused) throw new BadRequestException({ message: `url: ${refused}`, issues: [{ path: 'url', message: refused }] });
    const endpoint = await this.repository.create(organizationId, { ...request, secret: `whsec_${randomToken()}` });
    // The URL and the events, never the secret.
    await this.audit.record(organizationId, actorId, 'webhook.created', { type: 'WebhookEndpoint', id: endpoint.id }, { target: targetOf(endpoint.url), events: request.events });
    return endpoint;
  }

  list(organizationId: string) {
    return this.repository.list(organizationId);
  }

  async deactivate(organizationId: string, id: string, actorId: string | null = null) {
    if (!(await this.repository.deactivate(organizationId, id))) throw new NotFoundException('No such webhook.');
    await this.audit.record(organizationId, actorId, 'webhook.deactivated', { type: 'WebhookEndpoint', id });
  }

  async deliveries(organizationId: string, endpointId: string) {
    if (!(await this.repository.find(organizationId, endpointId))) throw new NotFoundException('No such webhook.');
    return this.repository.deliveries(organizationId, endpointId);
  }

  /**
   * A person's "retry" of a delivery the queue gave up on (or never queued). Its job keeps the delivery's id,
   * so the finished job is removed first; a delivery still being retried by the queue is left to it (409).
   */
  async retry(organizationId: string, endpointId: string, deliveryId: string, actorId: string) {
    const delivery = await this.repository.findDeliveryOf(organizationId, endpointId, deliveryId);
    if (!delivery) throw new NotFoundException('No such delivery.');
    if (delivery.deliveredAt) throw new ConflictException('This delivery already succeeded.');
    if (!delivery.endpoint.active) throw new ConflictException('This webhook is switched off; nothing is delivered to it.');
    const job = await this.queue.getJob(deliveryId);
    if (job) {
      const state = await job.getState();
      if (state !== 'failed' && state !== 'completed') throw new ConflictException('This delivery is already queued and will be tried again.');
      await job.remove();
    }
    await this.dispatch([deliveryId]);
    await this.audit.record(organizationId, actorId, 'webhook.delivery_retried', { type: 'WebhookEndpoint', id: endpointId }, { deliveryId });
  }

  /** Records one delivery per subscribed endpoint and queues it; the caller's request never waits on an ATS. */
  async emit(organizationId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<void> {
    await this.dispatch(await this.record(this.repository.client, organizationId, event, data));
  }

  /**
   * Records the deliveries inside the caller's transaction (an outbox committing with them) and returns their
   * ids; dispatch() queues them once that transaction committed.
   */
  async record(tx: WebhookWriter, organizationId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    for (const endpoint of await this.repository.subscribers(organizationId, event, tx)) {
      ids.push((await this.repository.createDelivery(endpoint.id, event, { event, createdAt: new Date().toISOString(), data } as never, tx)).id);
    }
    return ids;
  }

  /**
   * The job id is the delivery's, so queuing a delivery again (a sweep after a Redis blip) adds nothing. Gives
   * up after QUEUE_WRITE_TIMEOUT_MS while Redis is away; dispatchStranded() queues the delivery later.
   */
  async dispatch(deliveryIds: string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      const queued = this.queue.add('deliver', { deliveryId }, {
        jobId: deliveryId,
        attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_BASE_MS },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      await withTimeout(queued, QUEUE_WRITE_TIMEOUT_MS, 'queueing a webhook delivery');
    }
  }

  /** Queues again deliveries recorded over a minute ago and never tried (enqueueing is idempotent by job id). */
  async dispatchStranded(): Promise<number> {
    const stranded = await this.repository.undispatched(new Date(Date.now() - 60_000));
    await this.dispatch(stranded.map((d) => d.id));
    return stranded.length;
  }

  /** One attempt; throws on failure so the queue retries with backoff. Each attempt is in the delivery log. */
  async deliver(deliveryId: string): Promise<void> {
    const delivery = await this.repository.findDelivery(deliveryId);
    if (!delivery || delivery.deliveredAt || !delivery.endpoint.active) return;
    const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
    // Resolved and checked once; the request connects to exactly that address (no second DNS lookup).
    const target = await checkTarget(delivery.endpoint.url, this.config.WEBHOOK_ALLOW_INTERNAL_TARGETS);
    if (!target.ok) {
      await this.repository.recordAttempt(delivery.id, { error: target.reason, delivered: false });
      throw new Error(target.reason);
    }
    try {
      // Redirects are not followed (node:http never does): a 3xx is a failed delivery, not a second target.
      const status = await postToTarget(
        target,
        {
          'content-type': 'application/json',
          'user-agent': 'Takehome-Webhooks/1',
          'takehome-event': delivery.event,
          'takehome-delivery': delivery.id,
          'takehome-signature': signWebhook(delivery.endpoint.secret, body),
        },
        body,
        DELIVERY_TIMEOUT_MS,
      );
      const delivered = status >= 200 && status < 300;
      await this.repository.recordAttempt(delivery.id, { status, delivered, error: delivered ? undefined : `HTTP ${status}` });
      if (!delivered) throw new Error(`endpoint answered HTTP ${status}`);
    } catch (error) {
      const message = (error as Error).message;
      if (!message.startsWith('endpoint answered')) await this.repository.recordAttempt(delivery.id, { error: message, delivered: false });
      this.logger.warn(`webhook delivery ${delivery.id} failed: ${message}`);
      throw error;
    }
  }
}

/** Where deliveries go, without credentials or query tokens an ATS may put in the URL. */
function targetOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
