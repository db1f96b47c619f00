import { Injectable, NotFoundException } from '@nestjs/common';
import type { CandidateReport, PilotBaseline, PilotReport } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { parseRunTests } from '../runs/run-results';
import { RunsRepository } from '../runs/runs.repository';
import { candidateReportOf } from './candidate-report';
import { baselineOf, pilotReportOf } from './pilot-report';
import { PilotsRepository } from './pilots.repository';

/** The pilot report, the baseline frozen from it at launch, and each invitee's report against that baseline. */
@Injectable()
export class PilotsService {
  constructor(
    private readonly pilots: PilotsRepository,
    private readonly audit: AuditService,
    private readonly runs: RunsRepository,
  ) {}

  async report(viewer: { id: string; organizationId: string }, assessmentId: string): Promise<PilotReport> {
    return this.reportOf(await this.assessment(viewer.organizationId, assessmentId), viewer.id);
  }

  /** Null when no teammate finished: launching then is launching without a pilot. */
  async baselineForLaunch(organizationId: string, assessmentId: string): Promise<PilotBaseline | null> {
    const assessment = await this.assessment(organizationId, assessmentId);
    // Names play no part in the baseline, so whose view it is does not matter.
    return baselineOf(await this.reportOf(assessment, ''), criteriaOf(assessment));
  }

  async candidateReport(viewer: { id: string; organizationId: string }, assessmentId: string, invitationId: string): Promise<CandidateReport> {
    const assessment = await this.assessment(viewer.organizationId, assessmentId);
    const invitation = await this.pilots.findInvitation(viewer.organizationId, assessmentId, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation for this assessment.');
    const report = candidateReportOf(assessment, criteriaOf(assessment), invitation, viewer.id);
    if (report.submissionId && !report.identityHidden) await this.audit.identityViewed(viewer.organizationId, viewer.id, [invitation.id], 'candidate-report');
    return report;
  }

  private async reportOf(assessment: Assessment, viewerId: string): Promise<PilotReport> {
    const [invitations, reference] = await Promise.all([
      this.pilots.pilotInvitations(assessment.organizationId, assessment.id),
      this.runs.referenceTests(assessment.challengeVersionId),
    ]);
    // No verification, or one stored by an older runner that no longer parses, is "never verified".
    return pilotReportOf(assessment, criteriaOf(assessment), invitations, parseRunTests(reference?.tests), viewerId);
  }

  private async assessment(organizationId: string, id: string) {
    const assessment = await this.pilots.findAssessment(organizationId, id);
    if (!assessment) throw new NotFoundException('No such assessment.');
    return assessment;
  }
}

type Assessment = NonNullable<Awaited<ReturnType<PilotsRepository['findAssessment']>>>;

function criteriaOf(assessment: Assessment) {
  return assessment.challengeVersion.rubric?.criteria ?? [];
}
