import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { WebhooksService } from '../webhooks/webhooks.service';
import { type AnnouncedRun, RunAnnouncementsRepository } from './run-announcements.repository';
import { isGrade } from './run-results';

const BATCH = 50;

/**
 * Delivers `submission.graded` from the outbox the worker writes with each grading result: at start (results
 * stored while no API ran) and then every RUN_ANNOUNCE_INTERVAL_MS. The payload carries the overall score
 * only; per-test (hidden) results stay inside the platform. A platform failure (ERROR) is no grade, so it is
 * marked announced without a webhook.
 */
@Injectable()
export class RunAnnouncer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RunAnnouncer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private ticks = 0;

  constructor(
    private readonly announcements: RunAnnouncementsRepository,
    private readonly webhooks: WebhooksService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.RUN_ANNOUNCE_INTERVAL_MS === 0) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.RUN_ANNOUNCE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.running;
  }

  /** Delivers every pending announcement; returns how many webhook deliveries were recorded. */
  sweep(): Promise<number> {
    this.running ??= this.deliverAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async deliverAll(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const ids = await this.announcements.deliverPending(BATCH, (tx, run) => this.record(tx, run));
        // After the commit: a queue failure leaves the delivery recorded, and dispatchStranded queues it later.
        await this.webhooks.dispatch(ids);
        total += ids.length;
        if (ids.length < BATCH) break;
      }
      // About once a minute, the deliveries whose job never reached Redis.
      if (this.ticks++ % Math.max(1, Math.round(60_000 / Math.max(1, this.config.RUN_ANNOUNCE_INTERVAL_MS))) === 0) {
        await this.webhooks.dispatchStranded();
      }
    } catch (error) {
      // The database or Redis away: the rows stay undelivered and the next sweep tries again.
      this.logger.warn({ err: (error as Error).message }, 'grade announcement sweep failed');
    }
    return total;
  }

  private record(tx: Parameters<WebhooksService['record']>[0], run: AnnouncedRun): Promise<string[]> {
    if (!isGrade(run) || !run.submission) return Promise.resolve([]);
    const { invitation } = run.submission.attempt;
    return this.webhooks.record(tx, invitation.organizationId, 'submission.graded', {
      submissionId: run.submission.id,
      invitationId: invitation.id,
      assessmentId: invitation.assessmentId,
      outcome: run.outcome,
      score: run.score,
      maxScore: run.maxScore,
      gradedAt: run.finishedAt?.toISOString() ?? null,
    });
  }
}
