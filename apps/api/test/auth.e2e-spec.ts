import { errorResponse, type LoginRequest, sessionUser } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    t = await startTestApp('auth');
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const login = (body: Partial<LoginRequest> | string) =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('POST /api/auth/login', () => {
    it('signs in with email and password and sets an httpOnly session cookie', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'REVIEWER');
      const res = await login({ email: user.email.toUpperCase(), password: user.password });
      expect(res.status).toBe(200);
      const body = sessionUser.parse(await res.json());
      expect(body).toMatchObject({ id: user.id, role: 'REVIEWER', organization: { id: org.id } });
      expect(JSON.stringify(body)).not.toContain('passwordHash');
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^takehome_session=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'HIRING_LEAD');
      const wrong = await login({ email: user.email, password: 'nope' });
      const unknown = await login({ email: 'nobody@example.test', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(errorResponse.parse(await wrong.json()).message).toBe('Email or password is incorrect.');
      expect(errorResponse.parse(await unknown.json()).message).toBe('Email or password is incorrect.');
    });

    it('rejects a malformed body with 400 naming each field', async () => {
      const res = await login({ email: 'not-an-email' });
      expect(res.status).toBe(400);
      const body = errorResponse.parse(await res.json());
      expect(body.issues?.map((i) => i.path).sort()).toEqual(['email', 'password']);
    });

    it('rejects invalid JSON with 400, not 500', async () => {
      const res = await login('{"email": ');
      expect(res.status).toBe(400);
    });

    it('refuses an address after 5 failures for an account, and believes no X-Forwarded-For without TRUST_PROXY', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'REVIEWER');
      // Each guess claims another address; with no trusted proxy configured they all count against the real one.
      const spoofed = (i: number) => ({ 'X-Forwarded-For': `203.0.113.${i}` });
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${t.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...spoofed(i) },
          body: JSON.stringify({ email: user.email, password: 'wrong' }),
        });
        expect(res.status).toBe(401);
      }
      const blocked = await login({ email: user.email, password: user.password });
      expect(blocked.status).toBe(429);
      expect(errorResponse.parse(await blocked.json()).message).toMatch(/Too many failed sign-in attempts/);
    });
  });

  describe('sessions', () => {
    it('GET /api/auth/me needs a session: 401 without, the user with', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'ADMIN');
      expect((await fetch(`${t.baseUrl}/api/auth/me`)).status).toBe(401);
      expect((await fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: 'takehome_session=forged' } })).status).toBe(401);
      const cookie = await signIn(t.baseUrl, user.email, user.password);
      const me = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
      expect(sessionUser.parse(await me.json()).email).toBe(user.email);
    });

    it('logout ends the session for good', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'REVIEWER');
      const cookie = await signIn(t.baseUrl, user.email, user.password);
      const out = await fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie } });
      expect(out.status).toBe(204);
      expect((await fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    });

    it('stores only a hash of the session token', async () => {
      const org = await factories.organization();
      const user = await factories.user(org.id, 'REVIEWER');
      const cookie = await signIn(t.baseUrl, user.email, user.password);
      const token = cookie.split('=')[1];
      const sessions = await factories.prisma.session.findMany({ where: { userId: user.id } });
      expect(sessions).toHaveLength(1);
      expect(sessions[0].tokenHash).not.toContain(token);
      expect(sessions[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
