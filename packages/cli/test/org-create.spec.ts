import { createPrismaClient, type PrismaClient } from '@takehome/db';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The CLI writes to the database; the link it prints is opened against the real API booted on that database.
import { startTestApp, type TestApp } from '../../../apps/api/test/support/test-app';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'packages/cli/dist/main.js');

describe('assess org create', () => {
  let t: TestApp;
  let prisma: PrismaClient;

  beforeAll(async () => {
    t = await startTestApp('cli_org_create');
    prisma = createPrismaClient(t.config.DATABASE_URL, { poolSize: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
  });

  function assess(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.config.DATABASE_URL, PUBLIC_URL: t.baseUrl },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('creates the organization and its admin, and prints a one-time link that sets the password and signs in', async () => {
    const { code, stdout, stderr } = await assess('org', 'create', '--name', 'Héron Labs', '--admin-email', 'Owner@Heron.example');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('organization "Héron Labs" created (slug heron-labs)');
    const link = /^(http\S+)$/m.exec(stdout)?.[1];
    expect(link).toMatch(new RegExp(`^${t.baseUrl}/reset-password/[\\w-]{40,}$`));
    const token = link!.split('/').pop()!;

    // Nothing to sign in with yet: the password is set only through the link.
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'owner@heron.example' }, include: { organization: true } });
    expect(admin).toMatchObject({ role: 'ADMIN', name: 'owner', organization: { slug: 'heron-labs' } });
    const login = (password: string) =>
      fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: admin.email, password }) });
    expect((await login('')).status).toBe(400);

    const view = await fetch(`${t.baseUrl}/api/account-links/${token}`);
    expect(await view.json()).toMatchObject({ purpose: 'SET_PASSWORD', email: admin.email, organizationName: 'Héron Labs' });
    const set = await fetch(`${t.baseUrl}/api/passwords/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'wading bird at low tide' }),
    });
    expect(set.status).toBe(200);
    expect((await set.json()).role).toBe('ADMIN');
    expect((await login('wading bird at low tide')).status).toBe(200);
    const again = await fetch(`${t.baseUrl}/api/passwords/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'another wading bird here' }),
    });
    expect(again.status).toBe(410);
    expect(await prisma.auditEvent.count({ where: { organizationId: admin.organizationId, action: 'organization.created' } })).toBe(1);
  });

  it('refuses an email that already has an account, and bad options, with one clear line', async () => {
    const { code, stdout, stderr } = await assess('org', 'create', '--name', 'Second', '--admin-email', 'owner@heron.example');
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('assess: an account with the email owner@heron.example already exists (emails are unique across organizations)');
    const bad = await assess('org', 'create', '--name', 'Third', '--admin-email', 'not-an-email');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim()).toBe('assess: --admin-email must be an email address');
    expect(await prisma.organization.count()).toBe(1);
  });
});
