import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrl } from '../support/test-database';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** `npm run backup` and `npm run restore` as a person runs them, against a database of this test's own. */
describe('backup and restore', () => {
  let url: string;
  let name: string;
  let work: string;
  let env: NodeJS.ProcessEnv;

  const script = (file: string, ...args: string[]) => run('bash', [path.join(ROOT, 'scripts', file), ...args], { env });
  const sql = async <T>(query: string, target = url): Promise<T[]> => {
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      return (await client.query(query)).rows as T[];
    } finally {
      await client.end();
    }
  };

  /** Every row of every table, as text, so a restore that loses or changes anything shows as a difference. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await sql<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const result: Record<string, string> = {};
    for (const { name: table } of tables) {
      const [row] = await sql<{ rows: string | null; count: string }>(
        `SELECT count(*) AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS rows FROM "${table}" t`,
      );
      result[table] = `${row.count}:${row.rows}`;
    }
    return result;
  }

  async function recreateEmptyDatabase() {
    const admin = databaseUrl('postgres');
    await sql(`DROP DATABASE "${name}" WITH (FORCE)`, admin);
    await sql(`CREATE DATABASE "${name}"`, admin);
  }

  beforeAll(async () => {
    url = await createTestDatabase('backup_restore');
    name = new URL(url).pathname.slice(1);
    work = mkdtempSync(path.join(tmpdir(), 'takehome-backup-'));
    env = { ...process.env, DATABASE_URL: url, MAIL_DIR: path.join(work, 'mail') };
    // The demo seed: an organization, its team, the built-in challenges, a pilot with submissions and reviews.
    await run(process.execPath, [path.join(ROOT, 'apps/api/dist/seed/seed.js'), '--demo-candidate'], { env });
    await sql(`INSERT INTO "Feedback" (id, "submissionId", "authorId", body, criteria, "releasedAt", "updatedAt")
      SELECT gen_random_uuid(), s.id, u.id, 'Clear structure; persistence was missing.', '[]', now(), now()
      FROM "Submission" s CROSS JOIN LATERAL (SELECT id FROM "User" WHERE role = 'HIRING_LEAD' LIMIT 1) u`);
    await run('mkdir', ['-p', env.MAIL_DIR!]);
    writeFileSync(path.join(env.MAIL_DIR!, 'feedback-notice.eml'), 'Subject: Your feedback is ready\n\nHello');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('brings a destroyed database back with every submission, review and feedback, and the mail', async () => {
    const [counts] = await sql<{ submissions: number; reviews: number; feedback: number }>(
      `SELECT (SELECT count(*)::int FROM "Submission") AS submissions, (SELECT count(*)::int FROM "Review") AS reviews,
              (SELECT count(*)::int FROM "Feedback") AS feedback`,
    );
    expect(counts.submissions).toBeGreaterThan(0);
    expect(counts.reviews).toBeGreaterThan(0);
    expect(counts.feedback).toBe(counts.submissions);
    const before = await snapshot();

    const file = path.join(work, 'backup.tar.gz');
    const backup = await script('backup.sh', file);
    expect(backup.stdout).toContain(`backup written to ${file}`);

    await recreateEmptyDatabase();
    rmSync(env.MAIL_DIR!, { recursive: true, force: true });
    await expect(sql('SELECT count(*) FROM "Submission"')).rejects.toThrow(/does not exist/);

    const restore = await script('restore.sh', file);
    expect(restore.stdout).toContain(`restored: 1 organization(s), ${counts.submissions} submission(s), ${counts.reviews} review(s)`);
    expect(await snapshot()).toEqual(before);
    expect(readFileSync(path.join(env.MAIL_DIR!, 'feedback-notice.eml'), 'utf8')).toContain('Your feedback is ready');
  });

  it('refuses to overwrite an install that holds data unless told to, and refuses a file that is not a backup', async () => {
    const file = path.join(work, 'second.tar.gz');
    await script('backup.sh', file);
    await expect(script('restore.sh', file)).rejects.toMatchObject({ stderr: expect.stringMatching(/already holds 1 organization\(s\).*--force/) });

    const bogus = path.join(work, 'bogus.tar.gz');
    writeFileSync(bogus, 'not a backup');
    const before = await snapshot();
    await expect(script('restore.sh', bogus, '--force')).rejects.toMatchObject({ stderr: expect.stringMatching(/is not a Takehome backup/) });
    expect(await snapshot()).toEqual(before);

    await expect(script('restore.sh', file, '--force')).resolves.toMatchObject({ stdout: expect.stringContaining('restored: 1 organization(s)') });
    expect(await snapshot()).toEqual(before);
  });
});
