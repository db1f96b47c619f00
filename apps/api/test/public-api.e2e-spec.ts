import { assessmentView } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('organization API key and the public API', () => {
  let t: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    t = await startTestApp('public_api');
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const v1 = (key?: string) => fetch(`${t.baseUrl}/api/v1/assessments`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });

  it('issues a key an admin sees once, which reaches only its organization, until rotated or revoked', async () => {
    const org = await factories.organization();
    const admin = await factories.user(org.id, 'ADMIN');
    const cookie = await signIn(t.baseUrl, admin.email, admin.password);
    const issue = () => fetch(`${t.baseUrl}/api/organization/api-key`, { method: 'POST', headers: { Cookie: cookie } });

    const { apiKey } = await (await issue()).json();
    expect(apiKey).toMatch(/^thk_[\w-]{40,}$/);
    const stored = await factories.prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.apiKeyHash).not.toContain(apiKey);

    const listed = await v1(apiKey);
    expect(listed.status).toBe(200);
    expect(assessmentView.array().parse(await listed.json())).toEqual([]);

    const { apiKey: rotated } = await (await issue()).json();
    expect((await v1(apiKey)).status).toBe(401);
    expect((await v1(rotated)).status).toBe(200);

    await fetch(`${t.baseUrl}/api/organization/api-key`, { method: 'DELETE', headers: { Cookie: cookie } });
    expect((await v1(rotated)).status).toBe(401);
  });

  it('answers 401 without a key or with a made-up one, and keeps non-admins from issuing keys', async () => {
    expect((await v1()).status).toBe(401);
    expect((await v1('thk_made_up')).status).toBe(401);
    const org = await factories.organization();
    const lead = await factories.user(org.id, 'HIRING_LEAD');
    const cookie = await signIn(t.baseUrl, lead.email, lead.password);
    expect((await fetch(`${t.baseUrl}/api/organization/api-key`, { method: 'POST', headers: { Cookie: cookie } })).status).toBe(403);
    expect((await factories.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).apiKeyHash).toBeNull();
  });
});
