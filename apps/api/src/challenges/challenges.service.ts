import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ChallengeFormatError, type ChallengePackage, formatIssue, loadChallengeFromFiles, storedMutants, versionRecord } from '@takehome/challenge';
import type { EditChallengeVersionRequest, SavedChallengeVersion } from '@takehome/contracts';
import { parseDocument, stringify } from 'yaml';
import { AuditService } from '../audit/audit.service';
import { RunsRepository } from '../runs/runs.repository';
import { RunsService } from '../runs/runs.service';
import { ChallengePackages } from './challenge-packages';
import { toDetail, toSummary } from './challenge-views';
import { ChallengesRepository } from './challenges.repository';
import { loadChallengeZip, ZipPackageError } from './zip-package';

@Injectable()
export class ChallengesService {
  constructor(
    private readonly challenges: ChallengesRepository,
    private readonly runs: RunsRepository,
    private readonly dispatcher: RunsService,
    private readonly packages: ChallengePackages,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string) {
    return (await this.challenges.list(organizationId)).map(toSummary);
  }

  async version(organizationId: string, challengeId: string, versionId: string) {
    return toDetail(await this.findVersion(organizationId, challengeId, versionId));
  }

  /** A zip of a challenge folder becomes a new version, or the existing one holding the same content. */
  async importZip(organizationId: string, zip: Buffer, actorId: string | null = null): Promise<SavedChallengeVersion> {
    // Inflated and parsed in a worker thread: a hostile upload must not hold the event loop.
    let pkg: ChallengePackage | ChallengeFormatError;
    try {
      pkg = await loadChallengeZip(zip);
    } catch (error) {
      if (error instanceof ChallengeFormatError) pkg = error;
      else if (error instanceof ZipPackageError) {
        throw new BadRequestException({ message: `The upload ${error.message}.`, issues: [{ path: '(zip)', message: error.message }] });
      } else throw error;
    }
    const saved = await this.save(organizationId, () => {
      if (pkg instanceof ChallengeFormatError) throw pkg;
      return pkg;
    });
    await this.recordSaved(organizationId, actorId, saved, 'zip');
    return saved;
  }

  /** Edits made in the browser: the base version's files with the prompt, rubric or time limit replaced. */
  async edit(organizationId: string, challengeId: string, request: EditChallengeVersionRequest, actorId: string | null = null): Promise<SavedChallengeVersion> {
    const base = await this.findVersion(organizationId, challengeId, request.baseVersionId);
    const files = { ...(base.files as Record<string, string>) };
    if (request.prompt !== undefined) files['prompt.md'] = request.prompt;
    if (request.rubric !== undefined) files['rubric.yaml'] = stringify({ criteria: request.rubric.criteria });
    if (request.timeLimitMinutes !== undefined) {
      // Edited as a document, so the author's comments and layout in challenge.yaml survive.
      const doc = parseDocument(files['challenge.yaml']);
      doc.set('timeLimitMinutes', request.timeLimitMinutes);
      files['challenge.yaml'] = doc.toString();
    }
    // The stored files hold no mutants (they live beside them): the edited version keeps the base's.
    const mutantSources = storedMutants.catch([]).parse(base.mutantSources);
    const saved = await this.save(organizationId, () => ({ ...loadChallengeFromFiles(files, { label: 'the edited version' }), mutants: base.mutants as Record<string, string[]>, mutantSources }));
    if (saved.challengeId !== challengeId) throw new BadRequestException('An edit cannot change the challenge slug.');
    await this.recordSaved(organizationId, actorId, saved, 'edit');
    return saved;
  }

  /** Runs every runtime's reference solution against both suites through the queue. */
  async verify(organizationId: string, challengeId: string, versionId: string): Promise<{ runIds: string[] }> {
    const version = await this.findVersion(organizationId, challengeId, versionId);
    const pkg = await this.packages.get(version.id);
    const runIds: string[] = [];
    for (const runtime of pkg.manifest.runtimes) {
      const run = await this.runs.createVerification(version.id, runtime, pkg.solutions[runtime] ?? {});
      await this.dispatcher.dispatch(run);
      runIds.push(run.id);
    }
    return { runIds };
  }

  /** A pilot compares teammates with the reference solution, so a version that was never verified is verified now. */
  async verifyIfNeverVerified(organizationId: string, versionId: string): Promise<void> {
    const version = await this.challenges.findVersionVerification(organizationId, versionId);
    if (version && version._count.runs === 0) await this.verify(organizationId, version.challengeId, versionId);
  }

  private recordSaved(organizationId: string, actorId: string | null, saved: SavedChallengeVersion, via: 'zip' | 'edit') {
    return this.audit.record(organizationId, actorId, via === 'zip' ? 'challenge.imported' : 'challenge.version_created', { type: 'Challenge', id: saved.challengeId }, {
      versionId: saved.versionId,
      version: saved.version,
      created: saved.created,
    });
  }

  private async save(organizationId: string, load: () => ChallengePackage): Promise<SavedChallengeVersion> {
    let pkg: ChallengePackage;
    try {
      pkg = load();
    } catch (error) {
      if (!(error instanceof ChallengeFormatError)) throw error;
      throw new BadRequestException({
        message: `The challenge package is invalid: ${error.issues.map(formatIssue).join('; ')}`,
        issues: error.issues.map((i) => ({ path: i.path ? `${i.file}: ${i.path}` : i.file, message: i.line ? `${i.message} (line ${i.line})` : i.message })),
      });
    }
    const saved = await this.challenges.save({ organizationId, ...versionRecord(pkg) });
    const { challengeId } = await this.challenges.findChallengeOfVersion(saved.id);
    return { challengeId, versionId: saved.id, version: saved.version, created: saved.created };
  }

  private async findVersion(organizationId: string, challengeId: string, versionId: string) {
    const version = await this.challenges.findVersion(organizationId, challengeId, versionId);
    if (!version) throw new NotFoundException('No such challenge version.');
    return version;
  }
}
