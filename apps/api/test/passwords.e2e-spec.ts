import { errorResponse, messageResponse, sessionUser } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { Mailbox, tokenIn } from './support/mailbox';
import { startTestApp, type TestApp } from './support/test-app';

const NEW_PASSWORD = 'granite puffin sextant morning';

describe('passwords', () => {
  let t: TestApp;
  let factories: Factories;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await Mailbox.create();
    t = await startTestApp('passwords', { MAIL_DIR: mailbox.dir });
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
    await mailbox?.remove();
  });

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${t.baseUrl}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });
  const me = (cookie: string) => fetch(`${t.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });

  async function resetLinkFor(email: string, nth = 1) {
    expect((await post('/passwords/forgot', { email })).status).toBe(202);
    return tokenIn(await mailbox.waitFor(email, nth), '/reset-password/');
  }

  it('answers forgot-password the same for a known and an unknown address, and mails only the known one', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'REVIEWER');
    const known = await post('/passwords/forgot', { email: user.email });
    const unknown = await post('/passwords/forgot', { email: 'nobody-here@example.test' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    const [a, b] = [messageResponse.parse(await known.json()), messageResponse.parse(await unknown.json())];
    expect(a).toEqual(b);
    const mail = await mailbox.waitFor(user.email);
    expect(mail.subject).toBe('Reset your Takehome password');
    expect(mail.text).toContain(`${t.config.PUBLIC_URL}/reset-password/`);
    // Give the unknown address's background work the same time to (not) send anything.
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox.to('nobody-here@example.test')).toEqual([]);
    const row = await factories.prisma.accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: 'PASSWORD_RESET' } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
    expect(row.tokenHash).not.toBe(tokenIn(mail, '/reset-password/'));
  });

  it('resets with the link: every old session ends, the new password works, the link is then used', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'HIRING_LEAD');
    const sessions = [await signIn(t.baseUrl, user.email, user.password), await signIn(t.baseUrl, user.email, user.password)];
    const token = await resetLinkFor(user.email);
    const link = await fetch(`${t.baseUrl}/api/account-links/${token}`);
    expect(await link.json()).toMatchObject({ purpose: 'PASSWORD_RESET', email: user.email, name: user.name });

    const res = await post('/passwords/reset', { token, password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(sessionUser.parse(await res.json()).id).toBe(user.id);
    const fresh = res.headers.get('set-cookie')!.split(';')[0];
    for (const old of sessions) expect((await me(old)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
    expect((await post('/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    await signIn(t.baseUrl, user.email, NEW_PASSWORD);

    const reused = await post('/passwords/reset', { token, password: 'another fine passphrase here' });
    expect(reused.status).toBe(410);
    expect(errorResponse.parse(await reused.json())).toMatchObject({ code: 'used', message: expect.stringMatching(/already used/) });
    const actions = (await factories.prisma.auditEvent.findMany({ where: { subjectId: user.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['password.reset_requested', 'password.reset']));
  });

  it('refuses expired, replaced and unknown links with a clear 4xx', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'REVIEWER');
    const older = await resetLinkFor(user.email, 1);
    const newer = await resetLinkFor(user.email, 2);
    const replaced = await post('/passwords/reset', { token: older, password: NEW_PASSWORD });
    expect(replaced.status).toBe(410);
    expect(errorResponse.parse(await replaced.json()).code).toBe('revoked');

    await factories.prisma.accountToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    const expired = await post('/passwords/reset', { token: newer, password: NEW_PASSWORD });
    expect(expired.status).toBe(410);
    expect(errorResponse.parse(await expired.json())).toMatchObject({ code: 'expired', message: expect.stringMatching(/expired/) });

    const unknown = await post('/passwords/reset', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(unknown.status).toBe(404);
    expect(errorResponse.parse(await unknown.json()).code).toBe('invalid');
  });

  it('holds the password rule on reset: too short, common, or built from the name', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'REVIEWER');
    const token = await resetLinkFor(user.email);
    const short = await post('/passwords/reset', { token, password: 'tiny' });
    expect(short.status).toBe(400);
    expect(errorResponse.parse(await short.json()).issues).toEqual([{ path: 'password', message: 'must be at least 10 characters' }]);
    const long = await post('/passwords/reset', { token, password: 'x'.repeat(129) });
    expect(long.status).toBe(400);
    for (const weak of ['password123', 'iloveyou2024', user.email]) {
      const res = await post('/passwords/reset', { token, password: weak });
      expect(res.status, weak).toBe(400);
      expect(errorResponse.parse(await res.json()).message).toMatch(/too easy to guess/);
    }
    // Refusals did not use the link up.
    expect((await post('/passwords/reset', { token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('sends no reset link to a deactivated account', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'REVIEWER');
    await factories.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await post('/passwords/forgot', { email: user.email })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailbox.to(user.email)).toEqual([]);
  });

  it('changes the password when signed in: the current one is required, other sessions end, this one stays', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'ADMIN');
    const here = await signIn(t.baseUrl, user.email, user.password);
    const elsewhere = await signIn(t.baseUrl, user.email, user.password);
    const wrong = await post('/passwords/change', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD }, here);
    expect(wrong.status).toBe(400);
    expect(errorResponse.parse(await wrong.json()).issues).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    const weak = await post('/passwords/change', { currentPassword: user.password, newPassword: 'password1!' }, here);
    expect(weak.status).toBe(400);
    expect(errorResponse.parse(await weak.json()).issues?.[0].path).toBe('newPassword');
    expect((await post('/passwords/change', { currentPassword: user.password, newPassword: NEW_PASSWORD })).status).toBe(401);

    const ok = await post('/passwords/change', { currentPassword: user.password, newPassword: NEW_PASSWORD }, here);
    expect(ok.status).toBe(204);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    await signIn(t.baseUrl, user.email, NEW_PASSWORD);
    expect((await mailbox.waitFor(user.email)).subject).toMatch(/password was changed/);
    expect(await factories.prisma.auditEvent.count({ where: { subjectId: user.id, action: 'password.changed' } })).toBe(1);
  });

  it('records failed sign-ins for known accounts only', async () => {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'REVIEWER');
    expect((await post('/auth/login', { email: user.email, password: 'wrong password' })).status).toBe(401);
    expect((await post('/auth/login', { email: 'ghost@example.test', password: 'wrong password' })).status).toBe(401);
    const events = await factories.prisma.auditEvent.findMany({ where: { organizationId: org.id, action: 'auth.sign_in_failed' } });
    expect(events).toEqual([expect.objectContaining({ subjectId: user.id })]);
  });
});
