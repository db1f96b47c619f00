import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type {
  AssessmentView,
  CreateAssessmentRequest,
  TransitionAssessmentRequest,
  UpdateAssessmentRequest,
} from '@takehome/contracts';
import type { Prisma } from '@takehome/db';
import { AuditService } from '../audit/audit.service';
import { ChallengesService } from '../challenges/challenges.service';
import { PilotsService } from '../pilots/pilots.service';
import { canTransition, isEditable } from './assessment-lifecycle';
import { type AssessmentRow, AssessmentsRepository } from './assessments.repository';

@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentsRepository,
    private readonly pilots: PilotsService,
    private readonly challenges: ChallengesService,
    private readonly audit: AuditService,
  ) {}

  async create(organizationId: string, request: CreateAssessmentRequest, actorId: string | null = null): Promise<AssessmentView> {
    const version = await this.version(organizationId, request.challengeVersionId);
    const runtimes = request.runtimes ?? version.runtimes;
    this.checkRuntimes(runtimes, version.runtimes);
    const row = await this.assessments.create(organizationId, {
      ...request,
      runtimes,
      timeLimitMinutes: request.timeLimitMinutes ?? version.timeLimitMinutes,
    });
    await this.audit.record(organizationId, actorId, 'assessment.created', { type: 'Assessment', id: row.id }, { settings: { ...request } });
    return toView(row);
  }

  async list(organizationId: string): Promise<AssessmentView[]> {
    return (await this.assessments.list(organizationId)).map(toView);
  }

  async get(organizationId: string, id: string): Promise<AssessmentView> {
    return toView(await this.find(organizationId, id));
  }

  async update(organizationId: string, id: string, request: UpdateAssessmentRequest, actorId: string | null = null): Promise<AssessmentView> {
    const current = await this.find(organizationId, id);
    if (!isEditable(current.status)) {
      throw new ConflictException(`A ${current.status.toLowerCase()} assessment's settings are fixed; close it and create a new one.`);
    }
    const versionId = request.challengeVersionId ?? current.challengeVersionId;
    const version = await this.version(organizationId, versionId);
    if (versionId !== current.challengeVersionId) {
      const taking = await this.assessments.countAttemptsInProgress(id);
      if (taking > 0) {
        throw new ConflictException(
          `${taking === 1 ? 'Someone is' : `${taking} people are`} taking this assessment right now on the current challenge version; change it once they have submitted.`,
        );
      }
    }
    this.checkRuntimes(request.runtimes ?? current.runtimes, version.runtimes);
    if (!(await this.assessments.update(organizationId, id, current.status, request))) throw this.changedMeanwhile();
    await this.audit.record(organizationId, actorId, 'assessment.settings_changed', { type: 'Assessment', id }, { changes: { ...request } });
    return this.get(organizationId, id);
  }

  async transition(organizationId: string, id: string, { to }: TransitionAssessmentRequest, actorId: string | null = null): Promise<AssessmentView> {
    const current = await this.find(organizationId, id);
    if (!canTransition(current.status, to)) {
      throw new ConflictException(`An assessment cannot go from ${current.status.toLowerCase()} to ${to.toLowerCase()}.`);
    }
    const stamps = to === 'LIVE' ? { launchedAt: new Date() } : to === 'CLOSED' ? { closedAt: new Date() } : {};
    // Launch keeps the pilot's results as the baseline; the status condition makes launch and freeze one step.
    // Also from a draft that went back from its pilot: the teammates' results still describe this assessment.
    const baseline = to === 'LIVE' ? await this.pilots.baselineForLaunch(organizationId, id) : null;
    const frozen = baseline ? { pilotBaseline: baseline as unknown as Prisma.InputJsonValue } : {};
    if (!(await this.assessments.update(organizationId, id, current.status, { status: to, ...stamps, ...frozen }))) throw this.changedMeanwhile();
    await this.audit.record(organizationId, actorId, 'assessment.lifecycle_changed', { type: 'Assessment', id }, { from: current.status, to });
    if (to === 'PILOT') {
      // The pilot is under way either way; without a verification its report just cannot compare with the reference.
      await this.challenges
        .verifyIfNeverVerified(organizationId, current.challengeVersionId)
        .catch((error: Error) => this.logger.error({ assessmentId: id, error: error.message }, 'reference solution not verified for the pilot'));
    }
    return this.get(organizationId, id);
  }

  private async find(organizationId: string, id: string): Promise<AssessmentRow> {
    const row = await this.assessments.find(organizationId, id);
    if (!row) throw new NotFoundException('No such assessment.');
    return row;
  }

  private async version(organizationId: string, id: string) {
    const version = await this.assessments.findChallengeVersion(organizationId, id);
    if (!version) {
      throw new BadRequestException({ message: 'challengeVersionId: no such challenge version', issues: [{ path: 'challengeVersionId', message: 'no such challenge version' }] });
    }
    return version;
  }

  private checkRuntimes(runtimes: string[], supported: string[]) {
    const unknown = runtimes.filter((r) => !supported.includes(r));
    if (unknown.length) {
      const message = `the challenge supports ${supported.join(', ')}, not ${unknown.join(', ')}`;
      throw new BadRequestException({ message: `runtimes: ${message}`, issues: [{ path: 'runtimes', message }] });
    }
  }

  private changedMeanwhile() {
    return new ConflictException('The assessment changed while you were editing it; reload and try again.');
  }
}

function toView(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    challenge: {
      id: row.challengeVersion.challenge.id,
      title: row.challengeVersion.challenge.title,
      versionId: row.challengeVersion.id,
      version: row.challengeVersion.version,
    },
    timeLimitMinutes: row.timeLimitMinutes,
    runtimes: row.runtimes,
    graceSeconds: row.graceSeconds,
    practiceRunsPerHour: row.practiceRunsPerHour,
    terminalEnabled: row.terminalEnabled,
    reviewersPerSubmission: row.reviewersPerSubmission,
    blindReview: row.blindReview,
    invitations: row._count.invitations,
    launchedAt: row.launchedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
