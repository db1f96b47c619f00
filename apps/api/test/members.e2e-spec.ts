import { errorResponse, membersView, sessionUser, type UserRole } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { Mailbox, tokenIn } from './support/mailbox';
import { ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

const GOOD_PASSWORD = 'velvet comet orchard ladder';

describe('members', () => {
  let t: TestApp;
  let factories: Factories;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await Mailbox.create();
    t = await startTestApp('members', { MAIL_DIR: mailbox.dir });
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
    await mailbox?.remove();
  });

  const call = (cookie: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...(cookie ? { Cookie: cookie } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });

  /** An organization with a signed-in admin. */
  async function orgWithAdmin() {
    const org = await factories.organization();
    const admin = await factories.user(org.id, 'ADMIN');
    return { org, admin, cookie: await signIn(t.baseUrl, admin.email, admin.password) };
  }

  async function invite(cookie: string, role: UserRole = 'REVIEWER') {
    const email = `invitee-${Math.random().toString(36).slice(2, 10)}@example.test`;
    const res = await call(cookie, 'POST', '/members/invitations', { email, role });
    expect(res.status).toBe(201);
    const invitation = (await res.json()) as { id: string };
    return { email, id: invitation.id, token: tokenIn(await mailbox.waitFor(email), '/accept-invitation/') };
  }

  const accept = (token: string, name = 'Ada Newcomer', password = GOOD_PASSWORD) => call(null, 'POST', '/members/accept', { token, name, password });

  it('lets only admins manage members', async () => {
    const { org } = await orgWithAdmin();
    for (const role of ['REVIEWER', 'HIRING_LEAD'] as const) {
      const user = await factories.user(org.id, role);
      const cookie = await signIn(t.baseUrl, user.email, user.password);
      expect((await call(cookie, 'GET', '/members')).status).toBe(403);
      expect((await call(cookie, 'POST', '/members/invitations', { email: 'x@example.test', role: 'ADMIN' })).status).toBe(403);
      expect((await call(cookie, 'PATCH', `/members/${user.id}/role`, { role: 'ADMIN' })).status).toBe(403);
      expect((await call(cookie, 'POST', `/members/${user.id}/deactivate`)).status).toBe(403);
    }
    expect((await call(null, 'GET', '/members')).status).toBe(401);
  });

  it('invites by email; the invitee chooses name and password, lands signed in with the role, and the link is then used up', async () => {
    const { org, admin, cookie } = await orgWithAdmin();
    const { email, token, id } = await invite(cookie, 'HIRING_LEAD');
    const mail = await mailbox.waitFor(email);
    expect(mail.subject).toContain(org.name);
    expect(mail.text).toContain(`${t.config.PUBLIC_URL}/accept-invitation/`);

    const listed = membersView.parse(await (await call(cookie, 'GET', '/members')).json());
    expect(listed.invitations).toEqual([expect.objectContaining({ id, email, role: 'HIRING_LEAD', status: 'invited' })]);
    // The link is stored only as its hash.
    const row = await factories.prisma.accountToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const view = await call(null, 'GET', `/account-links/${token}`);
    expect(await view.json()).toMatchObject({ purpose: 'INVITE', email, organizationName: org.name, role: 'HIRING_LEAD' });
    const res = await accept(token, 'Ada Newcomer');
    expect(res.status).toBe(200);
    const user = sessionUser.parse(await res.json());
    expect(user).toMatchObject({ email, name: 'Ada Newcomer', role: 'HIRING_LEAD', organization: { id: org.id } });
    const newCookie = res.headers.get('set-cookie')!.split(';')[0];
    expect((await call(newCookie, 'GET', '/auth/me')).status).toBe(200);

    const again = await accept(token, 'Someone Else');
    expect(again.status).toBe(410);
    expect(errorResponse.parse(await again.json())).toMatchObject({ code: 'used', message: expect.stringMatching(/already accepted/) });
    const after = membersView.parse(await (await call(cookie, 'GET', '/members')).json());
    expect(after.invitations).toEqual([]);
    expect(after.members.find((m) => m.email === email)).toMatchObject({ role: 'HIRING_LEAD', status: 'active', lastSignInAt: expect.any(String) });
    expect(after.members.find((m) => m.id === admin.id)?.lastSignInAt).toEqual(expect.any(String));

    const actions = (await factories.prisma.auditEvent.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'auth.signed_in']));
  });

  it('lets one of two concurrent accepts of the same link win', async () => {
    const { cookie } = await orgWithAdmin();
    const { token, email } = await invite(cookie);
    const answers = await Promise.all([accept(token, 'First'), accept(token, 'Second')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await factories.prisma.user.count({ where: { email } })).toBe(1);
  });

  it('refuses short and common passwords on the accept page, leaving the link usable', async () => {
    const { cookie } = await orgWithAdmin();
    const { token } = await invite(cookie);
    const short = await accept(token, 'Ada', 'short');
    expect(short.status).toBe(400);
    expect(errorResponse.parse(await short.json()).issues).toEqual([{ path: 'password', message: 'must be at least 10 characters' }]);
    const common = await accept(token, 'Ada', 'qwertyuiop123');
    expect(common.status).toBe(400);
    expect(errorResponse.parse(await common.json()).message).toMatch(/^password: is too easy to guess/);
    const ownName = await accept(token, 'Bartholomew Quill', 'bartholomewquill');
    expect(ownName.status).toBe(400);
    expect((await accept(token, 'Ada')).status).toBe(200);
  });

  it('refuses to invite an email that already has an account, or twice', async () => {
    const { cookie } = await orgWithAdmin();
    const other = await factories.organization();
    const elsewhere = await factories.user(other.id, 'REVIEWER');
    const taken = await call(cookie, 'POST', '/members/invitations', { email: elsewhere.email, role: 'REVIEWER' });
    expect(taken.status).toBe(409);
    expect(errorResponse.parse(await taken.json()).message).toMatch(/already exists.*unique across Takehome/);
    const { email } = await invite(cookie);
    const twice = await call(cookie, 'POST', '/members/invitations', { email, role: 'ADMIN' });
    expect(twice.status).toBe(409);
    expect(errorResponse.parse(await twice.json()).code).toBe('already_invited');
    const bad = await call(cookie, 'POST', '/members/invitations', { email: 'not-an-email', role: 'OWNER' });
    expect(bad.status).toBe(400);
    expect(errorResponse.parse(await bad.json()).issues?.map((i) => i.path).sort()).toEqual(['email', 'role']);
  });

  it('resend rotates the link; revoke and expiry close it with a clear 410', async () => {
    const { cookie } = await orgWithAdmin();
    const first = await invite(cookie);
    const resent = await call(cookie, 'POST', `/members/invitations/${first.id}/resend`);
    expect(resent.status).toBe(200);
    const newToken = tokenIn(await mailbox.waitFor(first.email, 2), '/accept-invitation/');
    expect(newToken).not.toBe(first.token);
    expect((await accept(first.token)).status).toBe(404);
    expect((await call(null, 'GET', `/account-links/${newToken}`)).status).toBe(200);

    expect((await call(cookie, 'DELETE', `/members/invitations/${first.id}`)).status).toBe(204);
    const revoked = await accept(newToken);
    expect(revoked.status).toBe(410);
    expect(errorResponse.parse(await revoked.json())).toMatchObject({ code: 'revoked', message: expect.stringMatching(/withdrawn/) });
    expect((await call(cookie, 'POST', `/members/invitations/${first.id}/resend`)).status).toBe(404);

    const late = await invite(cookie);
    await factories.prisma.accountToken.update({ where: { id: late.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await accept(late.token);
    expect(expired.status).toBe(410);
    expect(errorResponse.parse(await expired.json())).toMatchObject({ code: 'expired', message: expect.stringMatching(/expired/) });
    const garbage = await call(null, 'GET', '/account-links/not-a-real-token-at-all');
    expect(garbage.status).toBe(404);
    expect(errorResponse.parse(await garbage.json()).code).toBe('invalid');
  });

  it('changes roles, but never demotes or deactivates the last active admin', async () => {
    const { org, admin, cookie } = await orgWithAdmin();
    const reviewer = await factories.user(org.id, 'REVIEWER');
    const promoted = await call(cookie, 'PATCH', `/members/${reviewer.id}/role`, { role: 'HIRING_LEAD' });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: 'HIRING_LEAD', status: 'active' });
    expect((await mailbox.waitFor(reviewer.email)).subject).toMatch(/role/);

    for (const [method, path, body] of [['PATCH', `/members/${admin.id}/role`, { role: 'REVIEWER' }], ['POST', `/members/${admin.id}/deactivate`, undefined]] as const) {
      const res = await call(cookie, method, path, body);
      expect(res.status).toBe(409);
      expect(errorResponse.parse(await res.json())).toMatchObject({ code: 'last_admin', message: expect.stringMatching(/at least one active admin/) });
    }
    expect((await factories.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN');
  });

  it('keeps one admin when two admins demote, or deactivate, each other at the same moment', async () => {
    for (const action of ['demote', 'deactivate'] as const) {
      for (let round = 0; round < 3; round++) {
        const org = await factories.organization();
        const a = await factories.user(org.id, 'ADMIN');
        const b = await factories.user(org.id, 'ADMIN');
        const [ca, cb] = await Promise.all([signIn(t.baseUrl, a.email, a.password), signIn(t.baseUrl, b.email, b.password)]);
        const act = (cookie: string, target: string) =>
          action === 'demote' ? call(cookie, 'PATCH', `/members/${target}/role`, { role: 'REVIEWER' }) : call(cookie, 'POST', `/members/${target}/deactivate`);
        const answers = await Promise.all([act(ca, b.id), act(cb, a.id)]);
        const statuses = answers.map((r) => r.status);
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        expect(await factories.prisma.user.count({ where: { organizationId: org.id, role: 'ADMIN', disabledAt: null } })).toBe(1);
      }
    }
  });

  it('deactivation ends every session at once, refuses sign-in clearly, lists open reviews and keeps history; reactivation restores', async () => {
    const reviews = new ReviewFactories(factories);
    const scene = await reviews.reviewScene();
    const admin = await factories.user(scene.org.id, 'ADMIN');
    const cookie = await signIn(t.baseUrl, admin.email, admin.password);
    const [reviewer] = scene.reviewers;
    await reviews.assign(scene.submission.id, reviewer.id);
    const theirCookies = [await signIn(t.baseUrl, reviewer.email, reviewer.password), await signIn(t.baseUrl, reviewer.email, reviewer.password)];
    await factories.prisma.auditEvent.create({ data: { organizationId: scene.org.id, actorId: reviewer.id, action: 'review.submitted', subjectType: 'review', subjectId: reviewer.id } });

    const res = await call(cookie, 'POST', `/members/${reviewer.id}/deactivate`);
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.member).toMatchObject({ id: reviewer.id, status: 'deactivated', openAssignments: 1 });
    expect(result.openAssignments).toEqual([
      expect.objectContaining({ submissionId: scene.submission.id, pseudonym: scene.invitation.pseudonym, assessmentName: scene.assessment.name }),
    ]);
    for (const c of theirCookies) expect((await call(c, 'GET', '/auth/me')).status).toBe(401);
    expect(await factories.prisma.session.count({ where: { userId: reviewer.id } })).toBe(0);

    const login = await call(null, 'POST', '/auth/login', { email: reviewer.email, password: reviewer.password });
    expect(login.status).toBe(403);
    expect(errorResponse.parse(await login.json())).toMatchObject({ code: 'deactivated', message: expect.stringMatching(/deactivated by an administrator/) });
    const wrong = await call(null, 'POST', '/auth/login', { email: reviewer.email, password: 'not the password' });
    expect(wrong.status).toBe(401);

    // History stays: the user row, their assignment and their audit trail.
    expect(await factories.prisma.reviewAssignment.count({ where: { reviewerId: reviewer.id } })).toBe(1);
    expect(await factories.prisma.auditEvent.count({ where: { actorId: reviewer.id, action: 'review.submitted' } })).toBe(1);
    const listed = membersView.parse(await (await call(cookie, 'GET', '/members')).json());
    expect(listed.members.find((m) => m.id === reviewer.id)).toMatchObject({ status: 'deactivated' });
    expect(await (await call(cookie, 'GET', `/members/${reviewer.id}/open-assignments`)).json()).toHaveLength(1);
    const audit = await factories.prisma.auditEvent.findFirst({ where: { action: 'member.deactivated', subjectId: reviewer.id } });
    expect(audit?.actorId).toBe(admin.id);

    expect((await call(cookie, 'POST', `/members/${reviewer.id}/reactivate`)).status).toBe(200);
    expect((await call(null, 'POST', '/auth/login', { email: reviewer.email, password: reviewer.password })).status).toBe(200);
  });

  it('never lets an admin of one organization see or change a member of another', async () => {
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    const memberOfA = await factories.user(a.org.id, 'REVIEWER');
    const invitationOfA = await invite(a.cookie);
    const listed = membersView.parse(await (await call(b.cookie, 'GET', '/members')).json());
    expect(listed.members.map((m) => m.id)).toEqual([b.admin.id]);
    expect(listed.invitations).toEqual([]);
    for (const [method, path, body] of [
      ['PATCH', `/members/${memberOfA.id}/role`, { role: 'ADMIN' }],
      ['POST', `/members/${memberOfA.id}/deactivate`, undefined],
      ['POST', `/members/${memberOfA.id}/reactivate`, undefined],
      ['GET', `/members/${memberOfA.id}/open-assignments`, undefined],
      ['POST', `/members/invitations/${invitationOfA.id}/resend`, undefined],
      ['DELETE', `/members/invitations/${invitationOfA.id}`, undefined],
    ] as const) {
      expect((await call(b.cookie, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const untouched = await factories.prisma.user.findUniqueOrThrow({ where: { id: memberOfA.id } });
    expect(untouched).toMatchObject({ role: 'REVIEWER', disabledAt: null });
    expect((await call(b.cookie, 'PATCH', '/members/not-a-uuid/role', { role: 'ADMIN' })).status).toBe(400);
  });
});
