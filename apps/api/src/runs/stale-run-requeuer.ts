import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { RunQueueService } from './run-queue.service';
import { RunsRepository } from './runs.repository';

/**
 * A run row is committed before its job is queued, so a Redis outage at that moment (a submission at the
 * deadline, say) leaves a QUEUED row with no job. This sweep queues such rows again. Enqueueing is idempotent
 * (the job id is the run id), so a run whose job exists, or several API instances sweeping at once, add nothing.
 */
@Injectable()
export class StaleRunRequeuer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StaleRunRequeuer.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly runs: RunsRepository,
    private readonly queue: RunQueueService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.RUN_REQUEUE_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.RUN_REQUEUE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Returns how many runs were handed to the queue again. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const stale = await this.runs.findQueuedBefore(new Date(Date.now() - this.config.RUN_REQUEUE_AFTER_MS));
      for (const run of stale) await this.queue.enqueue(run);
      return stale.length;
    } catch (error) {
      // Redis or the database still away: the next sweep tries again.
      this.logger.warn(`stale run sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
