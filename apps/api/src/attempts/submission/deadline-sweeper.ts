import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { SubmissionsService } from './submissions.service';

/**
 * The deadline's safety net. Auto-submission normally rides a delayed job in Redis; if the API or Redis was down
 * when it fell due (or Redis lost the job), nothing else would ever submit an attempt whose candidate left. This
 * sweep runs once at start-up and then every DEADLINE_SWEEP_INTERVAL_MS, submitting such attempts on recovery.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly submissions: SubmissionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.DEADLINE_SWEEP_INTERVAL_MS === 0) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.DEADLINE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Returns how many attempts this sweep submitted. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const submitted = await this.submissions.submitOverdue();
      if (submitted > 0) this.logger.warn(`${submitted} attempt(s) past their deadline submitted on recovery`);
      return submitted;
    } catch (error) {
      // The database still away: the next sweep tries again.
      this.logger.warn(`deadline sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
