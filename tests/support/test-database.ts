import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

/**
 * One database per test file, cloned from a migrated template: tests run against real PostgreSQL with the
 * real schema, never share rows, and cloning (a file copy inside PostgreSQL) is much faster than migrating.
 */
const ROOT = path.resolve(__dirname, '../..');
// Named after the checkout, so two checkouts (a developer's worktrees, a CI clone) can run their suites against
// one PostgreSQL server at the same time without dropping each other's databases.
const CHECKOUT = createHash('sha256').update(ROOT).digest('hex').slice(0, 6);
export const TEMPLATE_DATABASE = `takehome_test_template_${CHECKOUT}`;

export function serverUrl(): string {
  const url = process.env.TAKEHOME_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error('TAKEHOME_TEST_DATABASE_URL is not set: run the suites with `npm test`, which starts PostgreSQL');
  }
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Rebuilds the template from prisma/migrations with the project's own offline migrator. */
export async function createTemplateDatabase(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl(TEMPLATE_DATABASE) },
    stdio: 'pipe',
  });
}

/** A fresh, migrated, empty database for the calling test file; returns its URL. */
export async function createTestDatabase(label: string): Promise<string> {
  const name = `takehome_test_${CHECKOUT}_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.env.VITEST_POOL_ID ?? '0'}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // PostgreSQL refuses to copy a template while another session is connected to it (code 55006), which
    // happens when two test runs clone at the same moment; the copy takes milliseconds, so wait and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  return databaseUrl(name);
}
