import { ChallengeFormatError, ChallengePackageCache, checkSuites, type Runtime, storedMutants, suiteCheckRunCount } from '@takehome/challenge';
import type { SandboxRunner } from '@takehome/sandbox';
import type { Logger } from '../logger';
import type { SuiteVerificationRepository } from './suite-verification.repository';

/**
 * Runs a suite verification: the same checks as `assess challenge validate --mutant-runs N` (checkSuites in
 * @takehome/challenge), one sandbox run at a time, counting each finished run so the lead sees progress and an
 * estimate measured from the runs so far. A package or mutant that cannot be read fails the verification with
 * the reason; Docker or the database being away throws, and the queue retries.
 */
export class SuiteVerifier {
  constructor(
    private readonly verifications: SuiteVerificationRepository,
    private readonly sandbox: SandboxRunner,
    private readonly logger: Logger,
    private readonly packages = new ChallengePackageCache(),
  ) {}

  async execute(id: string): Promise<void> {
    const row = await this.verifications.find(id);
    if (!row || row.status === 'FINISHED' || row.status === 'FAILED') return this.logger.info({ id }, 'suite verification already ended; job dropped');
    const material = await this.verifications.versionMaterial(row.challengeVersionId);
    let pkg;
    let mutants;
    try {
      pkg = await this.packages.get(row.challengeVersionId, async () => material.files);
      mutants = storedMutants.parse(material.mutantSources);
    } catch (error) {
      if (!(error instanceof ChallengeFormatError) && !(error instanceof Error && error.name === 'ZodError')) throw error;
      return this.verifications.fail(id, `The version could not be read: ${(error as Error).message}`);
    }
    const total = suiteCheckRunCount(mutants, row.runsPerSubject, row.runtimes);
    if (!(await this.verifications.start(id, total))) return;
    this.logger.info({ id, runs: row.runsPerSubject, runtimes: row.runtimes, total }, 'suite verification started');
    const result = await checkSuites(pkg, mutants, this.sandbox, {
      runs: row.runsPerSubject,
      runtimes: row.runtimes as Runtime[],
      onRun: (ms) => this.verifications.runDone(id, ms),
    });
    const stored = await this.verifications.finish(id, result);
    this.logger.info({ id, stored, killRates: result.runtimes.map((r) => `${r.runtime} ${r.killRate.killed}/${r.killRate.total}`) }, 'suite verification finished');
  }

  /** The queue gave up: the verification still ends, with the reason, instead of staying "running". */
  async failForInfrastructure(id: string, error: Error, attempts: number): Promise<void> {
    await this.verifications.fail(id, `The platform could not finish this (after ${attempts} attempt(s)): ${error.message}`);
  }
}
