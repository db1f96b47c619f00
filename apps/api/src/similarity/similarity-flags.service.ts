import { Injectable } from '@nestjs/common';
import type { SessionUser, SimilarityFlag, SimilarityFlagList } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { identityHidden } from '../reviews/identity-visibility';
import { SimilarityRepository } from './similarity.repository';
import { SIMILARITY_THRESHOLD, SimilarityService } from './similarity.service';

type Detail = Awaited<ReturnType<SimilarityRepository['details']>>[number];

/**
 * The lead's organization-wide list of similarity flags: every pair of submissions to the same challenge (across
 * assessments and versions) at or above the threshold, most similar first. Evidence for a person to judge; the
 * pairs themselves come from the same computation the review page's side-by-side view uses.
 */
@Injectable()
export class SimilarityFlagsService {
  constructor(
    private readonly repository: SimilarityRepository,
    private readonly similarity: SimilarityService,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, threshold = SIMILARITY_THRESHOLD): Promise<SimilarityFlagList> {
    const organizationId = user.organization.id;
    const challenges = await this.repository.challengesWithSubmissions(organizationId);
    const found: { challenge: (typeof challenges)[number]; pair: Awaited<ReturnType<SimilarityService['compute']>>['pairs'][number] }[] = [];
    for (const challenge of challenges) {
      const { pairs } = await this.similarity.compute(organizationId, challenge.id);
      for (const pair of pairs) if (pair.similarity >= threshold) found.push({ challenge, pair });
    }
    const ids = [...new Set(found.flatMap(({ pair }) => [pair.submissionId, pair.otherSubmissionId]))];
    const details = new Map((await this.repository.details(organizationId, ids)).map((d) => [d.id, d]));
    // Names only where the one identity rule shows them to this person; the rest stay pseudonyms.
    const side = (id: string) => {
      const d = details.get(id);
      return d ? toSide(user.id, d) : undefined;
    };
    const flags: SimilarityFlag[] = [];
    for (const { challenge, pair } of found) {
      const [left, right] = [side(pair.submissionId), side(pair.otherSubmissionId)];
      if (!left || !right) continue; // erased since the pairs were computed
      flags.push({ challengeId: challenge.id, challengeTitle: challenge.title, similarity: pair.similarity, longest: pair.longest, fragments: pair.fragments.length, left, right });
    }
    flags.sort((a, b) => b.similarity - a.similarity || b.longest - a.longest);
    const named = [...details.values()].filter((d) => flags.some((f) => f.left.submissionId === d.id || f.right.submissionId === d.id) && !hidden(user.id, d));
    if (named.length) await this.audit.identityViewed(organizationId, user.id, named.map((d) => d.attempt.invitationId), 'similarity-flags');
    return { threshold, comparedChallenges: challenges.length, flags };
  }
}

const hidden = (viewerId: string, d: Detail) => identityHidden(viewerId, d.attempt.invitation.assessment.blindReview, d);

function toSide(viewerId: string, d: Detail): SimilarityFlag['left'] {
  const { invitation } = d.attempt;
  return {
    submissionId: d.id,
    pseudonym: invitation.pseudonym,
    candidateName: hidden(viewerId, d) ? null : invitation.candidateName,
    assessmentId: invitation.assessment.id,
    assessmentName: invitation.assessment.name,
    submittedAt: d.createdAt.toISOString(),
  };
}
