import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';
import { pipelineInclude } from '../pipeline/invitations.repository';
import { gradeRun } from '../runs/run-results';

const submissionSelect = pipelineInclude.attempt.select.submission.select;

/** A dashboard row's facts plus what the pilot report adds: who scored what, and the taker's survey. */
export const pilotInclude = {
  assessment: pipelineInclude.assessment,
  attempt: {
    select: {
      ...pipelineInclude.attempt.select,
      survey: { select: { minutesSpent: true, difficulty: true, promptClarity: true, comments: true } },
      submission: {
        select: {
          ...submissionSelect,
          // The version graded, so pass rates compare like with like after the lead picks a new version.
          runs: gradeRun({ ...submissionSelect.runs.select, challengeVersionId: true }),
          reviews: {
            select: {
              reviewerId: true,
              status: true,
              submittedAt: true,
              recommendation: true,
              reviewer: { select: { name: true } },
              scores: { select: { criterionId: true, level: true } },
            },
          },
        },
      },
    },
  },
} satisfies Prisma.InvitationInclude;

export type PilotInvitation = Prisma.InvitationGetPayload<{ include: typeof pilotInclude }>;

/** Team-only reads (hidden test results included); every query is scoped by organization. */
@Injectable()
export class PilotsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAssessment(organizationId: string, id: string) {
    return this.prisma.client.assessment.findFirst({
      where: { id, organizationId },
      select: {
        id: true,
        organizationId: true,
        status: true,
        timeLimitMinutes: true,
        challengeVersionId: true,
        pilotBaseline: true,
        challengeVersion: {
          select: { mutants: true, rubric: { select: { criteria: { select: { id: true, key: true, title: true, weight: true }, orderBy: { position: 'asc' } } } } },
        },
      },
    });
  }

  pilotInvitations(organizationId: string, assessmentId: string) {
    return this.prisma.client.invitation.findMany({
      where: { organizationId, assessmentId, kind: 'PILOT' },
      include: pilotInclude,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  findInvitation(organizationId: string, assessmentId: string, id: string) {
    return this.prisma.client.invitation.findFirst({ where: { id, organizationId, assessmentId }, include: pilotInclude });
  }
}
