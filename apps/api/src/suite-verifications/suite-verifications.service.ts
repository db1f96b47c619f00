import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { storedMutants, suiteCheckRunCount } from '@takehome/challenge';
import type { LatestSuiteVerification, SuiteVerificationView } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { SuiteVerificationQueue } from './suite-verification-queue';
import { toSuiteVerificationView } from './suite-verification-views';
import { SuiteVerificationsRepository } from './suite-verifications.repository';

/** Starts and reads server-side suite verifications of a challenge version (the worker runs them). */
@Injectable()
export class SuiteVerificationsService {
  private readonly logger = new Logger(SuiteVerificationsService.name);

  constructor(
    private readonly verifications: SuiteVerificationsRepository,
    private readonly queue: SuiteVerificationQueue,
    private readonly audit: AuditService,
  ) {}

  async start(organizationId: string, actorId: string, challengeId: string, versionId: string, request: { runs: number; runtimes?: string[] }): Promise<SuiteVerificationView> {
    const version = await this.verifications.findVersion(organizationId, challengeId, versionId);
    if (!version) throw new NotFoundException('No such challenge version.');
    const runtimes = request.runtimes ?? version.runtimes;
    const unknown = runtimes.filter((r) => !version.runtimes.includes(r));
    if (unknown.length) {
      const message = `not runtimes of this version: ${unknown.join(', ')} (it has ${version.runtimes.join(', ')})`;
      throw new BadRequestException({ message: `runtimes: ${message}`, issues: [{ path: 'runtimes', message }] });
    }
    // One at a time per version: two would race for the same engine and halve each other's estimate.
    const running = await this.verifications.findUnfinished(organizationId, version.id);
    if (running) throw new ConflictException('A suite verification of this version is already running; wait for its result.');
    const mutants = storedMutants.catch([]).parse(version.mutantSources);
    const unique = [...new Set(runtimes)];
    const row = await this.verifications.create({
      organizationId,
      challengeVersionId: version.id,
      runsPerSubject: request.runs,
      runtimes: unique,
      totalRuns: suiteCheckRunCount(mutants, request.runs, unique),
    });
    try {
      await this.queue.enqueue(row.id);
    } catch (error) {
      this.logger.warn(`suite verification ${row.id} could not be queued: ${(error as Error).message}`);
      await this.verifications.fail(row.id, 'The queue was unreachable; start the verification again.');
      throw new ServiceUnavailableException('The verification queue is unreachable right now; try again in a minute.');
    }
    await this.audit.record(organizationId, actorId, 'challenge.suite_verification_started', { type: 'Challenge', id: challengeId }, {
      versionId: version.id,
      suiteVerificationId: row.id,
      runs: request.runs,
      runtimes: unique,
      totalRuns: row.totalRuns,
    });
    return toSuiteVerificationView(row);
  }

  async latest(organizationId: string, challengeId: string, versionId: string): Promise<LatestSuiteVerification> {
    const version = await this.verifications.findVersion(organizationId, challengeId, versionId);
    if (!version) throw new NotFoundException('No such challenge version.');
    const row = await this.verifications.latest(organizationId, version.id);
    return { verification: row ? toSuiteVerificationView(row) : null };
  }
}
