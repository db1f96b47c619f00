import { errorResponse, type SetupRequest, sessionUser, setupStatus } from '@takehome/contracts';
import { createPrismaClient, type PrismaClient } from '@takehome/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

describe('first-run set-up', () => {
  let t: TestApp;
  let prisma: PrismaClient;

  beforeAll(async () => {
    t = await startTestApp('setup');
    prisma = createPrismaClient(t.config.DATABASE_URL, { poolSize: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await t?.close();
  });

  const setUp = (body: Partial<SetupRequest>) =>
    fetch(`${t.baseUrl}/api/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const valid = (n: number): SetupRequest => ({
    organizationName: `Racing Org ${n}`,
    name: `First Admin ${n}`,
    email: `first-admin-${n}@example.test`,
    password: 'quiet maple harbour lantern',
  });

  it('says set-up is needed while no organization exists', async () => {
    const res = await fetch(`${t.baseUrl}/api/setup`);
    expect(res.status).toBe(200);
    expect(setupStatus.parse(await res.json())).toEqual({ needed: true });
  });

  it('refuses a short password and a common one, naming the field, and creates nothing', async () => {
    const short = await setUp({ ...valid(0), password: 'abc123' });
    expect(short.status).toBe(400);
    expect(errorResponse.parse(await short.json()).issues).toEqual([{ path: 'password', message: 'must be at least 10 characters' }]);
    const common = await setUp({ ...valid(0), password: 'password1234' });
    expect(common.status).toBe(400);
    const body = errorResponse.parse(await common.json());
    expect(body.issues?.[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/too easy to guess/) });
    const personal = await setUp({ ...valid(0), name: 'Margaret Thornbury', password: 'MargaretThornbury' });
    expect(personal.status).toBe(400);
    const missing = await setUp({ password: 'quiet maple harbour lantern' });
    expect(missing.status).toBe(400);
    expect(errorResponse.parse(await missing.json()).issues?.map((i) => i.path).sort()).toEqual(['email', 'name', 'organizationName']);
    expect(await prisma.organization.count()).toBe(0);
  });

  it('lets exactly one of several browsers racing to set up win; the others are told it is done', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => setUp(valid(n))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 410, 410, 410, 410]);
    for (const lost of answers.filter((r) => r.status === 410)) {
      const body = errorResponse.parse(await lost.json());
      expect(body.code).toBe('already_set_up');
      expect(body.message).toMatch(/already set up/);
    }
    expect(await prisma.organization.count()).toBe(1);
    expect(await prisma.user.count()).toBe(1);

    // The winner lands signed in, as the organization's admin.
    const winner = answers.find((r) => r.status === 201)!;
    const created = sessionUser.parse(await winner.json());
    expect(created.role).toBe('ADMIN');
    const cookie = winner.headers.get('set-cookie')!.split(';')[0];
    const me = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });
    expect(sessionUser.parse(await me.json()).id).toBe(created.id);
    const audit = await prisma.auditEvent.findMany({ where: { organizationId: created.organization.id, action: 'organization.created' } });
    expect(audit).toEqual([expect.objectContaining({ actorId: created.id, subjectId: created.organization.id })]);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.lastSignInAt).not.toBeNull();
  });

  it('is gone for good once an organization exists', async () => {
    expect(setupStatus.parse(await (await fetch(`${t.baseUrl}/api/setup`)).json())).toEqual({ needed: false });
    const again = await setUp(valid(9));
    expect(again.status).toBe(410);
    expect(errorResponse.parse(await again.json()).code).toBe('already_set_up');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    for (const route of ['/api/setup', '/api/members', '/api/members/accept', '/api/members/invitations', '/api/members/{id}/role', '/api/members/{id}/deactivate', '/api/passwords/forgot', '/api/passwords/reset', '/api/passwords/change', '/api/account-links/{token}']) {
      expect(doc.paths, route).toHaveProperty([route]);
    }
  });
});
