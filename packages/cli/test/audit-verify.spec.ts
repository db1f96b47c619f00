import { createPrismaClient, type PrismaClient } from '@takehome/db';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'packages/cli/dist/main.js');

describe('assess audit verify', () => {
  let databaseUrl: string;
  let prisma: PrismaClient;

  const assess = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  /** An organization with events inserted as the API inserts them (the table's trigger chains them). */
  const organizationWithEvents = async (count: number) => {
    const org = await prisma.organization.create({ data: { slug: `audit-${randomUUID().slice(0, 8)}`, name: 'Audited' } });
    for (let i = 0; i < count; i++) {
      await prisma.auditEvent.create({
        data: { organizationId: org.id, action: 'test.event', subjectType: 'Test', subjectId: `t-${i}`, data: { i }, personal: { email: `p${i}@example.test` } },
      });
    }
    return org;
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('cli_audit');
    prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  });
  afterAll(() => prisma?.$disconnect());

  it('counts the events of an intact chain and exits 0', async () => {
    const org = await organizationWithEvents(5);
    const { code, stdout } = await assess('audit', 'verify', '--org', org.slug);
    expect(stdout.trim()).toBe(`audit trail of ${org.slug}: 5 events checked, chain intact`);
    expect(code).toBe(0);
  });

  it('names the first hand-edited event and exits 1', async () => {
    const org = await organizationWithEvents(5);
    const third = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, sequence: 3 } });
    // Edited as the database superuser with triggers off; the app's own connection could not.
    await prisma.$transaction([
      prisma.$executeRawUnsafe("SET LOCAL session_replication_role = 'replica'"),
      prisma.$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL, "action" = 'test.innocent' WHERE "id" = ${third.id}::uuid`,
    ]);
    const { code, stdout, stderr } = await assess('audit', 'verify', '--org', org.slug);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`audit trail of ${org.slug}: BROKEN at event ${third.id} (sequence 3): hash does not match the event's content; 3 events checked`);
    expect(code).toBe(1);
  });

  it('names a deleted event by the gap it leaves', async () => {
    const org = await organizationWithEvents(4);
    const second = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, sequence: 2 } });
    await prisma.$transaction([
      prisma.$executeRawUnsafe("SET LOCAL session_replication_role = 'replica'"),
      prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${second.id}::uuid`,
    ]);
    const { code, stderr } = await assess('audit', 'verify', '--org', org.slug);
    expect(stderr).toMatch(/\(sequence 3\): sequence 3 where 2 was expected \(an event is missing\)/);
    expect(code).toBe(1);
  });

  it('refuses an unknown organization with one line', async () => {
    const { code, stderr } = await assess('audit', 'verify', '--org', 'no-such-org');
    expect(stderr.trim()).toBe('assess: no organization with slug "no-such-org"');
    expect(code).toBe(2);
  });
});
