import type { PrismaClient, RoleType } from './generated/client';
import { Prisma } from './generated/client';

export interface ChallengeVersionInput {
  organizationId: string;
  slug: string;
  title: string;
  summary: string;
  roleType: RoleType;
  skills: string[];
  timeLimitMinutes: number;
  runtimes: string[];
  promptMarkdown: string;
  /** The parsed challenge.yaml, as JSON. */
  manifest: object;
  /** Every file of the package keyed by its path in the challenge folder. */
  files: Record<string, string>;
  contentHash: string;
  /** Mutant names per runtime (see the challenge format); absent means none. */
  mutants?: Record<string, string[]>;
  /** The mutants themselves, for the worker's suite verification; outside the content hash. */
  mutantSources?: object[];
  rubric: {
    criteria: {
      key: string;
      title: string;
      description: string;
      weight: number;
      levels: { score: number; label: string; descriptor: string }[];
    }[];
  };
}

/**
 * Stores a challenge package as an immutable version. The same content (by hash) maps to the version that
 * already holds it, so importing twice is harmless and assessments keep pointing at what they were built from.
 */
export async function saveChallengeVersion(
  prisma: PrismaClient,
  input: ChallengeVersionInput,
): Promise<{ id: string; version: number; created: boolean }> {
  const challenge = await prisma.challenge.upsert({
    where: { organizationId_slug: { organizationId: input.organizationId, slug: input.slug } },
    update: { title: input.title },
    create: { organizationId: input.organizationId, slug: input.slug, title: input.title },
  });
  for (let tries = 0; ; tries++) {
    const existing = await prisma.challengeVersion.findUnique({
      where: { challengeId_contentHash: { challengeId: challenge.id, contentHash: input.contentHash } },
      select: { id: true, version: true },
    });
    if (existing) {
      // Mutants are proof about the suites, not content: a re-import that ships them (or better ones) updates
      // them on the same version. A verification result names the mutants it ran, so older results stay honest.
      if (input.mutantSources?.length) {
        await prisma.challengeVersion.update({
          where: { id: existing.id },
          data: { mutants: input.mutants ?? {}, mutantSources: input.mutantSources as Prisma.InputJsonValue },
        });
      }
      return { ...existing, created: false };
    }
    try {
      return await createVersion(prisma, challenge.id, input);
    } catch (error) {
      // A concurrent import took the same version number or stored the same content first: read again.
      const conflict = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!conflict || tries >= 3) throw error;
    }
  }
}

async function createVersion(prisma: PrismaClient, challengeId: string, input: ChallengeVersionInput) {
  const latest = await prisma.challengeVersion.aggregate({ where: { challengeId }, _max: { version: true } });
  const version = (latest._max.version ?? 0) + 1;
  const created = await prisma.challengeVersion.create({
    data: {
      challengeId,
      version,
      contentHash: input.contentHash,
      title: input.title,
      summary: input.summary,
      roleType: input.roleType,
      skills: input.skills,
      timeLimitMinutes: input.timeLimitMinutes,
      runtimes: input.runtimes,
      promptMarkdown: input.promptMarkdown,
      manifest: input.manifest as Prisma.InputJsonValue,
      files: input.files,
      mutants: input.mutants ?? {},
      mutantSources: (input.mutantSources ?? []) as Prisma.InputJsonValue,
      rubric: {
        create: {
          criteria: {
            create: input.rubric.criteria.map((c, position) => ({
              key: c.key,
              title: c.title,
              description: c.description,
              weight: c.weight,
              position,
              levels: { create: c.levels.map((l) => ({ score: l.score, label: l.label, descriptor: l.descriptor })) },
            })),
          },
        },
      },
    },
    select: { id: true, version: true },
  });
  return { ...created, created: true };
}
