import { Injectable, NotFoundException } from '@nestjs/common';
import { type CandidateReport, type PilotBaseline, type PilotReport, runTest } from '@takehome/contracts';
import { z } from 'zod';
import { candidateReportOf } from './candidate-report';
import { baselineOf, pilotReportOf } from './pilot-report';
import { PilotsRepository } from './pilots.repository';

const referenceTests = z.array(runTest);

/** The pilot report, the baseline frozen from it at launch, and each invitee's report against that baseline. */
@Injectable()
export class PilotsService {
  constructor(private readonly pilots: PilotsRepository) {}

  async report(organizationId: string, assessmentId: string): Promise<PilotReport> {
    const assessment = await this.assessment(organizationId, assessmentId);
    const [invitations, reference] = await Promise.all([
      this.pilots.pilotInvitations(organizationId, assessmentId),
      this.pilots.referenceTests(assessment.challengeVersionId),
    ]);
    // A verification run stored by an older runner that no longer parses is treated as "never verified".
    const parsedReference = referenceTests.safeParse(reference);
    return pilotReportOf(assessment, criteriaOf(assessment), invitations, reference && parsedReference.success ? parsedReference.data : null);
  }

  /** Null when no teammate finished: launching then is launching without a pilot. */
  async baselineForLaunch(organizationId: string, assessmentId: string): Promise<PilotBaseline | null> {
    const assessment = await this.assessment(organizationId, assessmentId);
    return baselineOf(await this.report(organizationId, assessmentId), criteriaOf(assessment));
  }

  async candidateReport(organizationId: string, assessmentId: string, invitationId: string): Promise<CandidateReport> {
    const assessment = await this.assessment(organizationId, assessmentId);
    const invitation = await this.pilots.findInvitation(organizationId, assessmentId, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation for this assessment.');
    return candidateReportOf(assessment, criteriaOf(assessment), invitation);
  }

  private async assessment(organizationId: string, id: string) {
    const assessment = await this.pilots.findAssessment(organizationId, id);
    if (!assessment) throw new NotFoundException('No such assessment.');
    return assessment;
  }
}

function criteriaOf(assessment: NonNullable<Awaited<ReturnType<PilotsRepository['findAssessment']>>>) {
  return assessment.challengeVersion.rubric?.criteria ?? [];
}
