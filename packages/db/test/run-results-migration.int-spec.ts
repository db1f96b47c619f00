import { loadChallenge, versionRecord } from '@takehome/challenge';
import { runTests } from '@takehome/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, serverUrl } from '../../../tests/support/test-database';
import { createPrismaClient, type PrismaClient, saveChallengeVersion } from '../src';

const MIGRATIONS = path.resolve(__dirname, '../../../prisma/migrations');
const MIGRATION = '20261202060953_run_results_camelcase_and_announcements';
const URL_SHORTENER = path.resolve(__dirname, '../../../challenges/url-shortener');
const sqlOf = (name: string) => readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');

// What workers stored before this migration: the sandbox's snake_case test results, verbatim.
const oldTest = (name: string, visibility: string, passed: boolean, maxScore: number) => ({
  name,
  status: passed ? 'passed' : 'failed',
  score: passed ? maxScore : 0,
  max_score: maxScore,
  output: passed ? '' : `expected 302, got 404\n  at ${name}`,
  visibility,
});

describe('migration: run results in camelCase', () => {
  const name = `takehome_test_migration_runs_${process.env.VITEST_POOL_ID ?? '0'}`;
  let sql: Client;
  let prisma: PrismaClient;

  beforeAll(async () => {
    const admin = new Client({ connectionString: databaseUrl('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    void serverUrl();
    sql = new Client({ connectionString: databaseUrl(name) });
    await sql.connect();
    // The database as it stood before this migration: every other migration, in order. Later migrations are
    // applied too, because the client below knows today's columns; none of them touches run results.
    for (const dir of readdirSync(MIGRATIONS).filter((d) => /^\d+_/.test(d) && d !== MIGRATION).sort()) await sql.query(sqlOf(dir));
    prisma = createPrismaClient(databaseUrl(name), { poolSize: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await sql?.end();
  });

  it('converts stored snake_case results and reads them through the one schema', async () => {
    const org = await prisma.organization.create({ data: { slug: 'migration', name: 'Migration' } });
    const { id: versionId } = await saveChallengeVersion(prisma, { organizationId: org.id, ...versionRecord(await loadChallenge(URL_SHORTENER)) });
    const graded = [
      oldTest('links: creates a link', 'visible', true, 1),
      oldTest('keeps links across a restart', 'hidden', false, 2),
      oldTest('answers health', 'after_published', true, 0.5),
    ];
    const insert = (tests: unknown) =>
      sql
        .query(
          `INSERT INTO "Run" (id, kind, status, outcome, "challengeVersionId", runtime, suite, files, score, "maxScore", tests, "finishedAt")
           VALUES (gen_random_uuid(), 'VERIFICATION', 'FINISHED', 'COMPLETED', $1, 'node20', 'all', '{}', 1.5, 3.5, $2, now()) RETURNING id`,
          [versionId, tests === null ? null : JSON.stringify(tests)],
        )
        .then((r) => r.rows[0].id as string);
    const oldShape = await insert(graded);
    const empty = await insert([]);
    const none = await insert(null);
    const already = await insert([{ name: 'new', status: 'passed', score: 1, maxScore: 1, output: '', visibility: 'visible' }]);

    await sql.query(sqlOf(MIGRATION));

    const read = async (id: string) => (await prisma.run.findUniqueOrThrow({ where: { id } })).tests;
    const converted = runTests.parse(await read(oldShape));
    expect(converted).toEqual(graded.map(({ max_score, ...t }) => ({ ...t, maxScore: max_score })));
    expect(JSON.stringify(await read(oldShape))).not.toContain('max_score');
    expect(runTests.parse(await read(empty))).toEqual([]);
    expect(await read(none)).toBeNull();
    expect(runTests.parse(await read(already))).toEqual([{ name: 'new', status: 'passed', score: 1, maxScore: 1, output: '', visibility: 'visible' }]);
    // The outbox the same migration adds is usable at once.
    await prisma.runAnnouncement.create({ data: { runId: oldShape } });
    expect(await prisma.runAnnouncement.count({ where: { deliveredAt: null } })).toBe(1);
  });
});
