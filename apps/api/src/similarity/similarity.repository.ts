import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { inOrganization } from '../reviews/reviews.repository';

const notErased = (organizationId: string) => ({ attempt: { invitation: { organizationId, erasedAt: null } } });

@Injectable()
export class SimilarityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The submission with what decides who may see its flags: its assignments and its challenge. */
  submission(organizationId: string, submissionId: string) {
    return this.prisma.client.submission.findFirst({
      where: { id: submissionId, ...inOrganization(organizationId) },
      select: {
        id: true,
        assignments: { select: { reviewerId: true } },
        attempt: { select: { invitation: { select: { assessment: { select: { challengeVersion: { select: { challengeId: true } } } } } } } },
      },
    });
  }

  /**
   * Every submission of the organization to any version of this challenge, whichever assessment it came through.
   * Erased candidates' are left out: their code is gone, and dropping their ids changes the cache key, so no flag
   * computed from their code is served after the erasure.
   */
  peers(organizationId: string, challengeId: string) {
    return this.prisma.client.submission.findMany({
      where: { attempt: { invitation: { organizationId, erasedAt: null, assessment: { challengeVersion: { challengeId } } } } },
      select: { id: true, files: true, contentHash: true, attempt: { select: { invitation: { select: { pseudonym: true } } } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Every version's files: each version's starters are ignored, so no shared starter code counts. */
  versions(challengeId: string) {
    return this.prisma.client.challengeVersion.findMany({ where: { challengeId }, select: { id: true, files: true }, orderBy: { version: 'asc' } });
  }

  /** The organization's challenges that have at least two submissions (anything less has nothing to compare). */
  async challengesWithSubmissions(organizationId: string) {
    const challenges = await this.prisma.client.challenge.findMany({
      where: { organizationId },
      select: { id: true, title: true, versions: { select: { assessments: { select: { invitations: { where: { erasedAt: null, attempt: { submission: { isNot: null } } }, select: { id: true } } } } } } },
    });
    return challenges
      .map((c) => ({ id: c.id, title: c.title, submissions: c.versions.flatMap((v) => v.assessments.flatMap((a) => a.invitations)).length }))
      .filter((c) => c.submissions >= 2);
  }

  /** What the flag list shows of each flagged submission, and what the identity rule needs to decide on names. */
  details(organizationId: string, submissionIds: string[]) {
    return this.prisma.client.submission.findMany({
      where: { id: { in: submissionIds }, ...notErased(organizationId) },
      select: {
        id: true,
        createdAt: true,
        assignments: { select: { reviewerId: true } },
        reviews: { select: { reviewerId: true, status: true } },
        attempt: {
          select: {
            invitationId: true,
            invitation: { select: { pseudonym: true, candidateName: true, assessment: { select: { id: true, name: true, blindReview: true } } } },
          },
        },
      },
    });
  }
}
