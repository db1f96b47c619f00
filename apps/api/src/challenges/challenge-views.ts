import { z } from 'zod';
import type { ChallengeSummary, ChallengeVersionDetail, Verification, VerificationStatus } from '@takehome/contracts';
import { provenOf } from '../suite-verifications/suite-verification-views';
import type { ChallengesRepository } from './challenges.repository';

type ListRow = Awaited<ReturnType<ChallengesRepository['list']>>[number];
type VersionRow = NonNullable<Awaited<ReturnType<ChallengesRepository['findVersion']>>>;
type VerificationRunRow = VersionRow['runs'][number];

/**
 * A version is verified when the latest verification run of every runtime passed every test; it is derived
 * from the runs rather than stored, so it can never disagree with them.
 */
function verificationOf(runtimes: string[], runs: VerificationRunRow[]): Verification {
  const latest = runtimes.map((runtime) => runs.find((r) => r.runtime === runtime)).filter((r) => r !== undefined);
  const view = latest.map(({ queuedAt: _queuedAt, ...run }) => run);
  let status: VerificationStatus = 'unverified';
  if (latest.some((r) => r.status !== 'FINISHED')) status = 'running';
  else if (latest.some((r) => !passed(r))) status = 'failed';
  else if (latest.length === runtimes.length && latest.length > 0) status = 'verified';
  return { status, runs: view };
}

const passed = (r: VerificationRunRow) => r.outcome === 'COMPLETED' && r.maxScore !== null && r.maxScore > 0 && r.score === r.maxScore;

export function toSummary(row: ListRow): ChallengeSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    versions: row.versions.map((v) => ({
      id: v.id,
      version: v.version,
      contentHash: v.contentHash,
      createdAt: v.createdAt.toISOString(),
      verification: verificationOf(v.runtimes, v.runs).status,
      suiteProven: v.suiteVerifications[0] ? provenOf(v.suiteVerifications[0]) : null,
    })),
  };
}

export function toDetail(row: VersionRow): ChallengeVersionDetail {
  return {
    id: row.id,
    challengeId: row.challengeId,
    slug: row.challenge.slug,
    version: row.version,
    contentHash: row.contentHash,
    title: row.title,
    summary: row.summary,
    roleType: row.roleType,
    skills: row.skills,
    timeLimitMinutes: row.timeLimitMinutes,
    runtimes: row.runtimes,
    prompt: row.promptMarkdown,
    rubric: {
      criteria: (row.rubric?.criteria ?? []).map((c) => ({
        key: c.key,
        title: c.title,
        description: c.description,
        weight: c.weight,
        levels: c.levels.map((l) => ({ score: l.score, label: l.label, descriptor: l.descriptor })),
      })),
    },
    files: row.files as Record<string, string>,
    createdAt: row.createdAt.toISOString(),
    verification: verificationOf(row.runtimes, row.runs),
    mutants: mutantNames.catch({}).parse(row.mutants),
  };
}

const mutantNames = z.record(z.string(), z.array(z.string()));
