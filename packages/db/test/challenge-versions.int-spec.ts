import { loadChallenge, loadChallengeFromFiles, packageFiles, versionRecord } from '@takehome/challenge';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { createPrismaClient, type PrismaClient, saveChallengeVersion } from '../src';

const URL_SHORTENER = path.resolve(__dirname, '../../../challenges/url-shortener');

describe(saveChallengeVersion.name, () => {
  let prisma: PrismaClient;
  let organizationId: string;

  beforeAll(async () => {
    prisma = createPrismaClient(await createTestDatabase('db_versions'), { poolSize: 4 });
    ({ id: organizationId } = await prisma.organization.create({ data: { slug: 'versions', name: 'Versions' } }));
  });
  afterAll(() => prisma?.$disconnect());

  it('stores the same content once, whatever order it is imported in and however often', async () => {
    const pkg = await loadChallenge(URL_SHORTENER);
    const first = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(pkg) });
    const again = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(pkg) });
    // The same files in another order, as a zip upload would list them, hash the same.
    const shuffled = Object.fromEntries(Object.entries(packageFiles(pkg)).reverse());
    const fromFiles = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(loadChallengeFromFiles(shuffled)) });
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(fromFiles).toEqual({ ...first, created: false });
    expect(await prisma.challengeVersion.count({ where: { challenge: { organizationId } } })).toBe(1);
  });

  it('makes a new version for changed content, and an assessment keeps the version it was built from', async () => {
    const pkg = await loadChallenge(URL_SHORTENER);
    const v1 = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(pkg) });
    const assessment = await prisma.assessment.create({
      data: { organizationId, challengeVersionId: v1.id, name: 'Backend hire', timeLimitMinutes: 120, runtimes: ['node20'] },
    });
    const changed = { ...pkg, prompt: `${pkg.prompt}\nOne more clarification.\n` };
    const v2 = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(changed) });
    expect(v2.created).toBe(true);
    expect(v2.version).toBe(v1.version + 1);
    const pinned = await prisma.assessment.findUniqueOrThrow({ where: { id: assessment.id }, include: { challengeVersion: true } });
    expect(pinned.challengeVersionId).toBe(v1.id);
    expect(pinned.challengeVersion.promptMarkdown).toBe(pkg.prompt);
  });

  it('stores the rubric with its anchored levels', async () => {
    const pkg = await loadChallenge(URL_SHORTENER);
    const { id } = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(pkg) });
    const rubric = await prisma.rubric.findUniqueOrThrow({
      where: { challengeVersionId: id },
      include: { criteria: { include: { levels: true }, orderBy: { position: 'asc' } } },
    });
    expect(rubric.criteria.map((c) => c.key)).toEqual(pkg.rubric.criteria.map((c) => c.key));
    expect(rubric.criteria.every((c) => c.levels.length === 4)).toBe(true);
  });

  it('gives two concurrent imports of new content one version between them', async () => {
    const pkg = await loadChallenge(URL_SHORTENER);
    const changed = { ...pkg, prompt: `${pkg.prompt}\nConcurrent edit.\n` };
    const [a, b] = await Promise.all([
      saveChallengeVersion(prisma, { organizationId, ...versionRecord(changed) }),
      saveChallengeVersion(prisma, { organizationId, ...versionRecord(changed) }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
  });
});
