import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { PrivacySettings } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ErasureService } from './erasure.service';
import { RetentionRepository } from './retention.repository';

const DAY_MS = 86_400_000;
const BATCH = 100;

/**
 * Keeps each organization's promise about how long it holds candidates' data: a periodic job erases the
 * personal data of candidates who finished more than the organization's retention period ago (the same
 * erasure as on request, audited with reason "retention"), leaving the anonymous scores and times.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly repository: RetentionRepository,
    private readonly erasure: ErasureService,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.RETENTION_SWEEP_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.RETENTION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  settings(organizationId: string): Promise<PrivacySettings> {
    return this.repository.settings(organizationId);
  }

  async update(organizationId: string, actorId: string, change: PrivacySettings): Promise<PrivacySettings> {
    const before = await this.repository.settings(organizationId);
    const after = await this.repository.setRetention(organizationId, change.candidateRetentionDays);
    await this.audit.record(organizationId, actorId, 'organization.retention_changed', { type: 'Organization', id: organizationId }, {
      from: before.candidateRetentionDays,
      to: after.candidateRetentionDays,
    });
    return after;
  }

  /** Returns how many candidates this sweep erased. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let erased = 0;
    try {
      for (const org of await this.repository.organizationsWithRetention()) {
        const cutoff = new Date(Date.now() - org.candidateRetentionDays! * DAY_MS);
        for (const { id } of await this.repository.finishedBefore(org.id, cutoff, BATCH)) {
          await this.erasure.eraseCandidate(org.id, null, id, 'retention');
          erased++;
        }
      }
      if (erased) this.logger.log(`retention: erased ${erased} candidate(s)`);
    } catch (error) {
      this.logger.warn(`retention sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
    return erased;
  }
}
