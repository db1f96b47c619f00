import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { inOrganization } from '../reviews/reviews.repository';

@Injectable()
export class SimilarityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The submission with what decides who may see its flags: its assignments and its challenge version. */
  submission(organizationId: string, submissionId: string) {
    return this.prisma.client.submission.findFirst({
      where: { id: submissionId, ...inOrganization(organizationId) },
      select: {
        id: true,
        assignments: { select: { reviewerId: true } },
        attempt: { select: { invitation: { select: { assessment: { select: { challengeVersionId: true } } } } } },
      },
    });
  }

  /**
   * Every submission of the organization to this challenge version, whichever assessment it came through. Erased
   * candidates' are left out: their code is gone, and dropping their ids changes the cache key, so no flag computed
   * from their code is served after the erasure.
   */
  peers(organizationId: string, challengeVersionId: string) {
    return this.prisma.client.submission.findMany({
      where: { attempt: { invitation: { organizationId, erasedAt: null, assessment: { challengeVersionId } } } },
      select: { id: true, files: true, contentHash: true, attempt: { select: { invitation: { select: { pseudonym: true } } } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  version(challengeVersionId: string) {
    return this.prisma.client.challengeVersion.findUniqueOrThrow({ where: { id: challengeVersionId }, select: { files: true } });
  }
}
