import { hash } from '@node-rs/argon2';
import { errorResponse, type SaveOidcProviderRequest, sessionUser, ssoDiscoverResponse, ssoSettingsView } from '@takehome/contracts';
import type { UserRole } from '@takehome/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/sso/secret-box';
import { Factories, signIn } from './support/factories';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider';
import { callback, freePort, signInWithSso, startFlow } from './support/sso-flow';
import { startTestApp, type TestApp } from './support/test-app';

const KEY = randomBytes(32);

describe('company sign-in (OIDC) against a real OpenID provider on loopback', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let factories: Factories;

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp('oidc', { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SECRETS_ENCRYPTION_KEY: KEY.toString('base64') });
    idp = await startOidcProvider([`${t.baseUrl}/api/auth/sso/callback`]);
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await idp?.close();
    await t?.close();
  });

  /** An organization with an admin signed in and a domain of its own. */
  async function team() {
    const org = await factories.organization();
    const admin = await factories.user(org.id, 'ADMIN');
    return { org, admin, cookie: await signIn(t.baseUrl, admin.email, admin.password), domain: `acme-${randomUUID().slice(0, 8)}.test` };
  }
  const settings = (over: Partial<SaveOidcProviderRequest> & { allowedDomains: string[] }): SaveOidcProviderRequest => ({
    displayName: 'Okta',
    issuerUrl: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    joinPolicy: 'DOMAIN',
    defaultRole: 'REVIEWER',
    passwordSignInDisabled: false,
    ...over,
  });
  const put = (cookie: string, body: unknown) =>
    fetch(`${t.baseUrl}/api/organization/sso`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = (cookie: string) => fetch(`${t.baseUrl}/api/organization/sso`, { headers: { cookie } });
  async function configured(over: Partial<SaveOidcProviderRequest> = {}) {
    const team_ = await team();
    const res = await put(team_.cookie, settings({ allowedDomains: [team_.domain], ...over }));
    expect(res.status, await res.clone().text()).toBe(200);
    return team_;
  }
  async function member(organizationId: string, email: string, role: UserRole = 'REVIEWER', disabled = false) {
    return factories.prisma.user.create({
      data: { organizationId, email, role, name: email, passwordHash: await hash('correct horse battery'), disabledAt: disabled ? new Date() : null },
    });
  }
  const login = (email: string) =>
    fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
  const me = async (cookie: string) => sessionUser.parse(await (await fetch(`${t.baseUrl}/api/auth/me`, { headers: { cookie } })).json());
  const actions = async (organizationId: string) =>
    (await factories.prisma.auditEvent.findMany({ where: { organizationId }, orderBy: { sequence: 'asc' } })).map((e) => ({
      action: e.action,
      data: e.data as Record<string, unknown>,
      // Emails and names are kept apart from the hash-chained data, so an erasure can remove them.
      personal: e.personal as Record<string, unknown> | null,
    }));
  let logins = 0;
  const account = (email: string, email_verified = true) => {
    const id = `person-${++logins}-${randomUUID().slice(0, 6)}`;
    idp.setAccount(id, { email, email_verified, name: `Person ${logins}` });
    return id;
  };

  describe('settings', () => {
    it('is for admins only: a hiring lead and a reviewer get 403', async () => {
      const { org } = await team();
      for (const role of ['HIRING_LEAD', 'REVIEWER'] as const) {
        const user = await factories.user(org.id, role);
        const cookie = await signIn(t.baseUrl, user.email, user.password);
        expect((await get(cookie)).status).toBe(403);
        expect((await put(cookie, settings({ allowedDomains: ['x.test'] }))).status).toBe(403);
        expect((await fetch(`${t.baseUrl}/api/organization/sso`, { method: 'DELETE', headers: { cookie } })).status).toBe(403);
      }
    });

    it('saves the provider, never returns the secret and stores it encrypted', async () => {
      const { org, cookie, domain } = await team();
      const before = ssoSettingsView.parse(await (await get(cookie)).json());
      expect(before).toMatchObject({ provider: null, encryptionKeyConfigured: true, redirectUri: `${t.baseUrl}/api/auth/sso/callback` });
      expect(before.loginUrl).toBe(`${t.baseUrl}/login?org=${org.slug}`);

      const missing = await put(cookie, { ...settings({ allowedDomains: [domain] }), clientSecret: undefined });
      expect(missing.status).toBe(400);
      expect(errorResponse.parse(await missing.json()).issues?.[0].path).toBe('clientSecret');

      const res = await put(cookie, settings({ allowedDomains: [`@${domain.toUpperCase()}`] }));
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(text).not.toContain(idp.clientSecret);
      expect(ssoSettingsView.parse(JSON.parse(text)).provider).toMatchObject({ displayName: 'Okta', allowedDomains: [domain], hasClientSecret: true, verifiedAt: null });
      expect(await (await get(cookie)).text()).not.toContain(idp.clientSecret);

      const row = await factories.prisma.oidcProvider.findUniqueOrThrow({ where: { organizationId: org.id } });
      expect(row.clientSecretSealed).not.toContain(idp.clientSecret);
      expect(new SecretBox(KEY).open(row.clientSecretSealed, org.id)).toBe(idp.clientSecret);
      // Saving again without a secret keeps the stored one.
      expect((await put(cookie, { ...settings({ allowedDomains: [domain], displayName: 'Acme Okta' }), clientSecret: '' })).status).toBe(200);
      expect((await factories.prisma.oidcProvider.findUniqueOrThrow({ where: { organizationId: org.id } })).clientSecretSealed).toBe(row.clientSecretSealed);

      const audit = await actions(org.id);
      // The admin's own sign-ins are on the trail too; the settings changes are these two.
      expect(audit.map((a) => a.action).filter((a) => a.startsWith('sso.'))).toEqual(['sso.configured', 'sso.configured']);
      expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
    });

    it('names the field for a bad body, an issuer that does not answer and a domain another organization holds', async () => {
      const { cookie, domain } = await configured();
      const other = await team();
      const bad = await put(other.cookie, { ...settings({ allowedDomains: ['not a domain'] }), issuerUrl: 'ftp://x', joinPolicy: 'ANYONE' });
      expect(bad.status).toBe(400);
      expect(errorResponse.parse(await bad.json()).issues?.map((i) => i.path).sort()).toEqual(['allowedDomains.0', 'issuerUrl', 'joinPolicy']);
      const admin = await put(other.cookie, { ...settings({ allowedDomains: [other.domain] }), defaultRole: 'ADMIN' });
      expect(errorResponse.parse(await admin.json()).issues?.[0].path).toBe('defaultRole');

      const dead = await put(other.cookie, settings({ allowedDomains: [other.domain], issuerUrl: `http://127.0.0.1:${await freePort()}` }));
      expect(dead.status).toBe(400);
      expect(errorResponse.parse(await dead.json()).message).toMatch(/^issuerUrl: no OpenID provider answered at/);

      const taken = await put(other.cookie, settings({ allowedDomains: [other.domain, domain] }));
      expect(taken.status).toBe(409);
      expect(errorResponse.parse(await taken.json()).message).toContain(`${domain} already belongs to another organization`);
      expect((await get(cookie)).status).toBe(200);
    });

    it("keeps organizations apart: one admin can neither read nor change another organization's provider", async () => {
      const a = await team();
      const b = await configured({ displayName: 'B Okta' });
      expect(ssoSettingsView.parse(await (await get(a.cookie)).json()).provider).toBeNull();
      expect((await fetch(`${t.baseUrl}/api/organization/sso`, { method: 'DELETE', headers: { cookie: a.cookie } })).status).toBe(404);
      expect((await put(a.cookie, settings({ allowedDomains: [a.domain], displayName: 'A Okta' }))).status).toBe(200);
      expect(ssoSettingsView.parse(await (await get(b.cookie)).json()).provider).toMatchObject({ displayName: 'B Okta', allowedDomains: [b.domain] });
      expect(ssoSettingsView.parse(await (await get(a.cookie)).json()).provider).toMatchObject({ displayName: 'A Okta', allowedDomains: [a.domain] });
    });
  });

  describe('sign-in', () => {
    it('lets a verified address on an allowed domain join with the default role and a working session', async () => {
      const { org, domain } = await configured({ defaultRole: 'HIRING_LEAD' });
      const email = `new.hire@${domain}`;
      const result = await signInWithSso(t.baseUrl, idp, org.slug, account(email), '/assessments');
      expect(result).toMatchObject({ status: 302, location: '/assessments' });
      expect(await me(result.session!)).toMatchObject({ email, role: 'HIRING_LEAD', organization: { id: org.id } });
      // Signing in again is the same member, not a second one.
      const again = await signInWithSso(t.baseUrl, idp, org.slug, account(email));
      expect((await me(again.session!)).id).toBe((await me(result.session!)).id);
      const audit = await actions(org.id);
      expect(audit.filter((a) => a.action === 'member.joined').map((a) => a.data)).toEqual([{ via: 'oidc', role: 'HIRING_LEAD' }]);
      expect(audit.filter((a) => a.action === 'auth.signed_in' && a.data.method === 'oidc').map((a) => a.data)).toEqual([{ method: 'oidc' }, { method: 'oidc' }]);
    });

    it('refuses an address on another domain', async () => {
      const { org } = await configured();
      const result = await signInWithSso(t.baseUrl, idp, org.slug, account(`someone@elsewhere-${randomUUID().slice(0, 6)}.test`));
      expect(result).toMatchObject({ location: '/login?error=sso_domain_not_allowed', session: null });
    });

    it('invite-only: refuses someone who is not a member, admits a member', async () => {
      const { org, domain } = await configured({ joinPolicy: 'INVITE_ONLY' });
      const outsider = await signInWithSso(t.baseUrl, idp, org.slug, account(`outsider@${domain}`));
      expect(outsider).toMatchObject({ location: '/login?error=sso_not_a_member', session: null });
      expect(await factories.prisma.user.count({ where: { email: `outsider@${domain}` } })).toBe(0);

      const existing = await member(org.id, `reviewer-${randomUUID().slice(0, 6)}@contractor.test`);
      const admitted = await signInWithSso(t.baseUrl, idp, org.slug, account(existing.email));
      expect(admitted.location).toBe('/');
      expect(await me(admitted.session!)).toMatchObject({ id: existing.id, role: 'REVIEWER' });
      const refused = (await actions(org.id)).find((a) => a.action === 'auth.sso_refused');
      expect(refused?.data).toEqual({ reason: 'not_a_member' });
      expect(refused?.personal).toMatchObject({ email: `outsider@${domain}` });
    });

    it('refuses an unverified email', async () => {
      const { org, domain } = await configured();
      const result = await signInWithSso(t.baseUrl, idp, org.slug, account(`unverified@${domain}`, false));
      expect(result).toMatchObject({ location: '/login?error=sso_email_unverified', session: null });
      expect(await factories.prisma.user.count({ where: { email: `unverified@${domain}` } })).toBe(0);
    });

    it('refuses a deactivated member, and a member of another organization', async () => {
      const { org, domain } = await configured();
      const gone = await member(org.id, `gone@${domain}`, 'REVIEWER', true);
      expect(await signInWithSso(t.baseUrl, idp, org.slug, account(gone.email))).toMatchObject({ location: '/login?error=sso_account_disabled', session: null });
      const elsewhere = await factories.organization();
      const theirs = await member(elsewhere.id, `theirs@${domain}`);
      expect(await signInWithSso(t.baseUrl, idp, org.slug, account(theirs.email))).toMatchObject({ location: '/login?error=sso_other_organization', session: null });
    });

    it('refuses a wrong state', async () => {
      const { org, domain } = await configured();
      const flow = await startFlow(t.baseUrl, org.slug);
      const back = new URL(await idp.authorize(flow.location, account(`state@${domain}`)));
      back.searchParams.set('state', 'forged-state');
      expect(await callback(back.toString(), flow.flowCookie)).toMatchObject({ status: 302, location: '/login?error=sso_state', session: null });
      expect((await actions(org.id)).filter((a) => a.action === 'auth.sso_refused').map((a) => a.data)).toEqual([{ reason: 'state_mismatch' }]);
    });

    it('refuses a replayed code: the same callback URL works once', async () => {
      const { org, domain } = await configured();
      const flow = await startFlow(t.baseUrl, org.slug);
      const back = await idp.authorize(flow.location, account(`replay@${domain}`));
      expect((await callback(back, flow.flowCookie)).session).not.toBeNull();
      expect(await callback(back, flow.flowCookie)).toMatchObject({ status: 302, location: '/login?error=sso_state', session: null });
      // Without the browser's flow cookie the callback is refused too (a code carried to another browser).
      const other = await startFlow(t.baseUrl, org.slug);
      const stolen = await idp.authorize(other.location, account(`replay@${domain}`));
      expect(await callback(stolen, '')).toMatchObject({ location: '/login?error=sso_state', session: null });
    });

    it('ends on the login page when the person cancels or the provider is unreachable', async () => {
      const { org } = await configured();
      const flow = await startFlow(t.baseUrl, org.slug);
      const cancelled = new URL(`${t.baseUrl}/api/auth/sso/callback`);
      cancelled.search = new URLSearchParams({ error: 'access_denied', state: new URL(flow.location).searchParams.get('state')! }).toString();
      expect(await callback(cancelled.toString(), flow.flowCookie)).toMatchObject({ location: '/login?error=sso_cancelled', session: null });

      const down = await factories.organization();
      await factories.prisma.oidcProvider.create({
        data: {
          organizationId: down.id,
          displayName: 'Down',
          issuerUrl: `http://127.0.0.1:${await freePort()}`,
          clientId: 'x',
          clientSecretSealed: new SecretBox(KEY).seal('x', down.id),
          allowedDomains: [],
          joinPolicy: 'INVITE_ONLY',
          defaultRole: 'REVIEWER',
        },
      });
      expect(await startFlow(t.baseUrl, down.slug)).toMatchObject({ location: '/login?error=sso_unavailable', flowCookie: '' });
      expect(await startFlow(t.baseUrl, 'no-such-org')).toMatchObject({ location: '/login?error=sso_unavailable' });
    });
  });

  describe('password sign-in switched off', () => {
    it('is refused until the provider has worked once, then refuses password login for that organization only', async () => {
      const { org, cookie, domain } = await configured({ displayName: 'Acme SSO' });
      const colleague = await member(org.id, `colleague@${domain}`);
      const outsider = await member((await factories.organization()).id, `outsider-${randomUUID().slice(0, 6)}@other.test`);
      const off = settings({ allowedDomains: [domain], displayName: 'Acme SSO', passwordSignInDisabled: true, clientSecret: undefined });
      const early = await put(cookie, off);
      expect(early.status).toBe(409);
      expect(errorResponse.parse(await early.json()).issues?.[0].path).toBe('passwordSignInDisabled');

      expect((await signInWithSso(t.baseUrl, idp, org.slug, account(colleague.email))).session).not.toBeNull();
      expect((await put(cookie, off)).status).toBe(200);
      const refused = await login(colleague.email);
      expect(refused.status).toBe(403);
      expect(errorResponse.parse(await refused.json()).message).toBe('Your organization signs in with Acme SSO: use "Sign in with Acme SSO".');
      expect((await login(outsider.email)).status).toBe(200);
      // Changing the connection while passwords are off could lock everyone out, so it is refused.
      expect((await put(cookie, { ...off, clientId: 'another-client' })).status).toBe(409);

      expect((await fetch(`${t.baseUrl}/api/organization/sso`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
      expect((await login(colleague.email)).status).toBe(200);
      expect((await actions(org.id)).filter((a) => a.action === 'sso.removed')).toHaveLength(1);
    });
  });

  describe('discovery', () => {
    it("answers with the provider for a member's or an allowed domain's address, and the same neutral answer otherwise", async () => {
      const { org, domain } = await configured({ joinPolicy: 'INVITE_ONLY', displayName: 'Acme Okta' });
      const contractor = await member(org.id, `c-${randomUUID().slice(0, 6)}@contractor.test`);
      const withoutSso = await factories.user((await factories.organization()).id, 'REVIEWER');
      const discover = async (email: string) =>
        ssoDiscoverResponse.parse(
          await (await fetch(`${t.baseUrl}/api/auth/sso/discover`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })).json(),
        );
      expect(await discover(`Anyone@${domain.toUpperCase()}`)).toEqual({ providerName: 'Acme Okta', startUrl: `/api/auth/sso/start?org=${org.slug}&login_hint=anyone%40${domain}` });
      expect((await discover(contractor.email)).providerName).toBe('Acme Okta');
      const neutral = { startUrl: null, providerName: null };
      expect(await discover(withoutSso.email)).toEqual(neutral);
      expect(await discover(`nobody@nowhere-${randomUUID().slice(0, 6)}.test`)).toEqual(neutral);

      const entry = await fetch(`${t.baseUrl}/api/auth/sso/organizations/${org.slug}`);
      expect(await entry.json()).toEqual({ organizationName: org.name, providerName: 'Acme Okta', startUrl: `/api/auth/sso/start?org=${org.slug}` });
      expect((await fetch(`${t.baseUrl}/api/auth/sso/organizations/no-such-org`)).status).toBe(404);
    });

    it('documents every single sign-on route', async () => {
      const paths = Object.keys(((await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as { paths: object }).paths);
      for (const path of ['/api/organization/sso', '/api/auth/sso/discover', '/api/auth/sso/organizations/{slug}', '/api/auth/sso/start', '/api/auth/sso/callback']) {
        expect(paths).toContain(path);
      }
    });
  });
});
