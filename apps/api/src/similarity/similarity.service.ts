import { FingerprintIndex } from '@dodona/dolos-core';
import { Injectable, NotFoundException } from '@nestjs/common';
import { MIN_SIMILARITY_THRESHOLD, type SessionUser, type SimilarityPair, type SubmissionSimilarity } from '@takehome/contracts';
import { locate, tokenizeSubmission, type TokenizedSubmission } from './code-tokens';
import { SimilarityRepository } from './similarity.repository';

/** Pairs at or above this share of common fingerprints are flagged. Independent solutions of one prompt stay well below. */
export const SIMILARITY_THRESHOLD = 0.6;
// Dolos's defaults for its AST tokens; lexical tokens are about as fine-grained.
const KGRAM_LENGTH = 23;
const KGRAMS_IN_WINDOW = 17;
const CACHE_SIZE = 50;

type Peer = { id: string; files: Record<string, string>; pseudonym: string };
type Computed = { pairs: SimilarityPair[]; peers: Map<string, Peer> };

/**
 * Compares every submission to a challenge (any of its versions, through any assessment) with every other
 * (winnowed fingerprints, via Dolos), with fingerprints found in the versions' starters ignored, so shared starter
 * code never counts. Computed on
 * demand and cached per exact set of submissions, so a new submission recomputes once. Flags are evidence
 * for a reviewer or lead to judge; nothing here rejects or scores anyone.
 */
@Injectable()
export class SimilarityService {
  private readonly cache = new Map<string, Computed>();

  constructor(private readonly repository: SimilarityRepository) {}

  async forSubmission(user: SessionUser, submissionId: string): Promise<SubmissionSimilarity> {
    const organizationId = user.organization.id;
    const submission = await this.repository.submission(organizationId, submissionId);
    const lead = user.role === 'ADMIN' || user.role === 'HIRING_LEAD';
    if (!submission || (!lead && !submission.assignments.some((a) => a.reviewerId === user.id))) {
      throw new NotFoundException('No such submission in your review queue.');
    }
    const challengeId = submission.attempt.invitation.assessment.challengeVersion.challengeId;
    const { pairs, peers } = await this.compute(organizationId, challengeId);
    const asFiles = (files: Record<string, string>, paths: Set<string>) =>
      [...paths].sort().map((path) => ({ path, content: files[path] ?? '' }));
    const mine = pairs
      .filter((p) => p.similarity >= SIMILARITY_THRESHOLD)
      .filter((p) => p.submissionId === submissionId || p.otherSubmissionId === submissionId)
      .map((p) => (p.submissionId === submissionId ? p : flip(p)))
      .map((p) => ({
        ...p,
        files: asFiles(peers.get(p.submissionId)!.files, new Set(p.fragments.map((f) => f.left.path))),
        otherFiles: asFiles(peers.get(p.otherSubmissionId)!.files, new Set(p.fragments.map((f) => f.right.path))),
      }));
    return { threshold: SIMILARITY_THRESHOLD, comparedWith: Math.max(0, peers.size - 1), pairs: mine };
  }

  /** Every pair of this challenge's submissions at or above MIN_SIMILARITY_THRESHOLD; cached per set of submissions. */
  async compute(organizationId: string, challengeId: string): Promise<Computed> {
    const rows = await this.repository.peers(organizationId, challengeId);
    const key = `${organizationId}:${challengeId}:${rows.map((r) => `${r.id}=${r.contentHash}`).join(',')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;

    const peers = new Map<string, Peer>(rows.map((r) => [r.id, { id: r.id, files: r.files as Record<string, string>, pseudonym: r.attempt.invitation.pseudonym }]));
    const index = new FingerprintIndex(KGRAM_LENGTH, KGRAMS_IN_WINDOW, true);
    const tokenized = new Map<string, TokenizedSubmission>();
    for (const peer of peers.values()) tokenized.set(peer.id, tokenizeSubmission(peer.id, peer.files));
    index.addFiles([...tokenized.values()].map((t) => t.tokenized));
    // Starters go in after the submissions: Dolos 1.2 ignores a fingerprint in files already indexed when an
    // ignored file brings it, but not in files added later.
    for (const version of await this.repository.versions(challengeId)) {
      const versionFiles = version.files as Record<string, string>;
      for (const runtime of new Set(Object.keys(versionFiles).filter((p) => p.startsWith('starter/')).map((p) => p.split('/')[1]!))) {
        const prefix = `starter/${runtime}/`;
        const starter = Object.fromEntries(Object.entries(versionFiles).filter(([p]) => p.startsWith(prefix)).map(([p, c]) => [p.slice(prefix.length), c]));
        index.addIgnoredFile(tokenizeSubmission(`starter:${version.id}:${runtime}`, starter).tokenized);
      }
    }

    const pairs: SimilarityPair[] = [];
    for (const pair of index.allPairs()) {
      if (!(pair.similarity >= MIN_SIMILARITY_THRESHOLD)) continue;
      const [left, right] = [pair.leftFile.path, pair.rightFile.path];
      const [l, r] = [tokenized.get(left)!, tokenized.get(right)!];
      pairs.push({
        submissionId: left,
        pseudonym: peers.get(left)!.pseudonym,
        otherSubmissionId: right,
        otherPseudonym: peers.get(right)!.pseudonym,
        similarity: Math.round(pair.similarity * 1000) / 1000,
        longest: pair.longest,
        fragments: pair.buildFragments().map((f) => {
          const side = (spans: TokenizedSubmission['spans'], startRow: number, endRow: number) => {
            const start = locate(spans, startRow);
            const end = locate(spans, endRow);
            return { path: start.path, startLine: start.line, endLine: end.path === start.path ? end.line : start.line };
          };
          return {
            left: side(l.spans, f.leftSelection.startRow, f.leftSelection.endRow),
            right: side(r.spans, f.rightSelection.startRow, f.rightSelection.endRow),
          };
        }),
      });
    }
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    const computed = { pairs, peers };
    this.cache.set(key, computed);
    return computed;
  }
}

function flip(p: SimilarityPair): SimilarityPair {
  return {
    ...p,
    submissionId: p.otherSubmissionId,
    pseudonym: p.otherPseudonym,
    otherSubmissionId: p.submissionId,
    otherPseudonym: p.pseudonym,
    fragments: p.fragments.map((f) => ({ left: f.right, right: f.left })),
  };
}
