import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { WEBHOOK_QUEUE, WebhooksService } from './webhooks.service';

/** Delivers webhooks from the API process: an HTTP call, no sandbox, so it needs no run worker. */
@Processor(WEBHOOK_QUEUE, { concurrency: 4 })
export class WebhookDeliveryProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhooksService) {
    super();
  }

  process(job: Job<{ deliveryId: string }>): Promise<void> {
    return this.webhooks.deliver(job.data.deliveryId);
  }
}
