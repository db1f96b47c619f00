import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUrl, TEMPLATE_DATABASE } from '../../../tests/support/test-database';
import { createPrismaClient, type PrismaClient, verifyAuditChain } from '../src';

const MIGRATIONS = path.resolve(__dirname, '../../../prisma/migrations');
const CHAIN_MIGRATION = '20261202060821_audit_chain';

describe(verifyAuditChain.name, () => {
  describe('the migration that starts the chain', () => {
    // Migrated by hand up to the chain's migration, so it cannot be a clone of the (fully migrated) template.
    const name = `${TEMPLATE_DATABASE.replace('template', 'audit_backfill')}_${process.env.VITEST_POOL_ID ?? '0'}`;
    let admin: Client;
    let db: Client;

    beforeAll(async () => {
      admin = new Client({ connectionString: databaseUrl('postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      db = new Client({ connectionString: databaseUrl(name) });
      await db.connect();
    });
    afterAll(async () => {
      await db?.end();
      await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin?.end();
    });

    it('chains the events that existed before it, per organization, so they verify', async () => {
      const folders = (await readdir(MIGRATIONS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      const before = folders.slice(0, folders.indexOf(CHAIN_MIGRATION));
      for (const folder of before) await db.query(await readFile(path.join(MIGRATIONS, folder, 'migration.sql'), 'utf8'));
      // Events as the old code wrote them: createdAt with microseconds, two organizations interleaved.
      await db.query(`
        INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES
          ('00000000-0000-4000-8000-00000000000a', 'a', 'A', now()), ('00000000-0000-4000-8000-00000000000b', 'b', 'B', now());
        INSERT INTO "AuditEvent" (id, "organizationId", action, "subjectType", "subjectId", data, "createdAt") VALUES
          (gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', 'review.assigned', 'Submission', 's1', '{"mode": "manual", "reviewerId": "r"}', '2026-11-30 10:00:00.123456'),
          (gen_random_uuid(), '00000000-0000-4000-8000-00000000000b', 'feedback.released', 'Submission', 's2', '{}', '2026-11-30 10:00:01'),
          (gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', 'review.submitted', 'Submission', 's1', '{"recommendation": "YES"}', '2026-11-30 11:00:00');`);
      await db.query(await readFile(path.join(MIGRATIONS, CHAIN_MIGRATION, 'migration.sql'), 'utf8'));

      const prisma = createPrismaClient(databaseUrl(name), { poolSize: 1 });
      try {
        expect(await verifyAuditChain(prisma, '00000000-0000-4000-8000-00000000000a')).toMatchObject({ ok: true, checked: 2 });
        expect(await verifyAuditChain(prisma, '00000000-0000-4000-8000-00000000000b')).toMatchObject({ ok: true, checked: 1 });
        // New events continue each chain.
        await prisma.auditEvent.create({ data: { organizationId: '00000000-0000-4000-8000-00000000000a', action: 'feedback.released', subjectType: 'Submission', subjectId: 's1' } });
        expect(await verifyAuditChain(prisma, '00000000-0000-4000-8000-00000000000a')).toMatchObject({ ok: true, checked: 3 });
      } finally {
        await prisma.$disconnect();
      }
    });
  });

  describe('concurrent inserts', () => {
    let prisma: PrismaClient;
    beforeAll(async () => {
      prisma = createPrismaClient(await createTestDatabase('db_audit_chain'), { poolSize: 8 });
    });
    afterAll(() => prisma?.$disconnect());

    it('queue up per organization, so the chain has no fork and no gap', async () => {
      const orgs = await Promise.all(['x', 'y'].map((slug) => prisma.organization.create({ data: { slug: `chain-${slug}-${Date.now()}`, name: slug } })));
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          prisma.auditEvent.create({ data: { organizationId: orgs[i % 2].id, action: 'test.concurrent', subjectType: 'Test', subjectId: String(i), personal: { address: `10.0.0.${i}` } } }),
        ),
      );
      for (const org of orgs) expect(await verifyAuditChain(prisma, org.id)).toEqual({ organizationId: org.id, ok: true, checked: 20 });
    });
  });
});
