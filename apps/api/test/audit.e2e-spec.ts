import { auditChainCheck, type AuditEventView, auditPage } from '@takehome/contracts';
import { verifyAuditChain } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditAction, AuditService } from '../src/audit/audit.service';
import { PrismaService } from '../src/database/prisma.service';
import { Factories } from './support/factories';
import { ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

const AGENT = 'audit-e2e-agent/1.0 (takehome)';

describe('audit trail', () => {
  let t: TestApp;
  let f: Factories;
  let reviews: ReviewFactories;
  let audit: AuditService;
  let scene: Awaited<ReturnType<ReviewFactories['reviewScene']>>;
  let admin: Awaited<ReturnType<Factories['user']>>;
  let adminCookie: string;

  const login = async (u: { email: string; password: string }, agent = AGENT) => {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': agent },
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/api${path}`, { headers: { Cookie: cookie, 'User-Agent': AGENT, ...headers } });
  const page = async (query: string, cookie = adminCookie) => {
    const res = await get(`/audit?${query}`, cookie);
    expect(res.status, await res.clone().text()).toBe(200);
    return auditPage.parse(await res.json());
  };
  /** Many events fast, through the service (the same insert path and triggers as every request). */
  const recordMany = async (organizationId: string, count: number, action = 'test.bulk') => {
    for (let i = 0; i < count; i++) await audit.record(organizationId, null, action as AuditAction, { type: 'Test', id: `t-${i}` }, { i });
  };

  beforeAll(async () => {
    t = await startTestApp('audit');
    f = new Factories(t.config.DATABASE_URL);
    reviews = new ReviewFactories(f);
    audit = t.app.get(AuditService);
    scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    admin = await f.user(scene.org.id, 'ADMIN');
    adminCookie = await login(admin);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('records sign-ins with the request metadata, failures only for known accounts', async () => {
    const [signedIn] = (await page(`action=auth.signed_in&actorId=${admin.id}`)).events;
    expect(signedIn).toMatchObject({ actorId: admin.id, actorName: admin.name, subjectType: 'User', subjectId: admin.id, userAgent: AGENT });
    expect(signedIn.address).toMatch(/127\.0\.0\.1/);

    const wrong = (email: string) =>
      fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'not the password' }) });
    const before = await f.prisma.auditEvent.count({ where: { action: 'auth.sign_in_failed' } });
    expect((await wrong(`nobody-${randomUUID()}@example.test`)).status).toBe(401);
    expect(await f.prisma.auditEvent.count({ where: { action: 'auth.sign_in_failed' } })).toBe(before);
    expect((await wrong(scene.lead.email)).status).toBe(401);
    const [failed] = (await page('action=auth.sign_in_failed')).events;
    expect(failed).toMatchObject({ actorId: null, subjectId: scene.lead.id, subjectLabel: scene.lead.name, data: { reason: 'password' } });

    const lead = await login(scene.lead);
    await fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: lead } });
    expect((await page(`action=auth.&actorId=${scene.lead.id}`)).events.map((e) => e.action)).toEqual(['auth.signed_out', 'auth.signed_in']);
  });

  it('lists newest first with a cursor over more than 500 events, stable while events are added', async () => {
    const org = await f.organization('Busy');
    const busyAdmin = await f.user(org.id, 'ADMIN');
    const cookie = await login(busyAdmin);
    await recordMany(org.id, 520);
    const seen: AuditEventView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await page(`limit=200${cursor ? `&cursor=${cursor}` : ''}`, cookie);
      seen.push(...result.events);
      cursor = result.nextCursor;
      // New events arriving while the admin pages do not shift the pages already asked for.
      if (pages++ === 0) await recordMany(org.id, 5, 'test.late');
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(521); // 520 + the admin's sign-in, none of the late ones
    expect(new Set(seen.map((e) => e.id)).size).toBe(521);
    const sequences = seen.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(seen.at(-1)).toMatchObject({ action: 'auth.signed_in', sequence: 1 });
    expect((await page('limit=5', cookie)).events.map((e) => e.action)).toEqual(Array(5).fill('test.late'));
    expect(await verifyAuditChain(f.prisma, org.id)).toMatchObject({ ok: true, checked: 526 });

    // Another organization's admin sees none of it, and a cursor from here means nothing there.
    const first = await page('limit=10', cookie);
    const other = await page('limit=200');
    expect(other.events.some((e) => seen.some((s) => s.id === e.id))).toBe(false);
    const foreign = await get(`/audit?cursor=${first.nextCursor}`, adminCookie);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).message).toMatch(/^cursor/);
  });

  it('filters by actor, action (several, prefix), subject, candidate and dates; refuses bad filters by name', async () => {
    const { org, invitation, submission, assessment } = scene;
    await audit.record(org.id, scene.lead.id, 'feedback.released', { type: 'Submission', id: submission.id }, { feedbackId: randomUUID() });
    await audit.record(org.id, scene.reviewers[0].id, 'review.submitted', { type: 'Submission', id: submission.id }, { reviewId: randomUUID() });
    await audit.record(org.id, scene.lead.id, 'invitation.extended', { type: 'Invitation', id: invitation.id }, { assessmentId: assessment.id });
    const other = await reviews.submission(org.id, assessment);
    await audit.record(org.id, scene.lead.id, 'feedback.released', { type: 'Submission', id: other.submission.id }, {});

    const actions = (q: string) => page(q).then((p) => p.events.map((e) => e.action));
    expect(await actions(`actorId=${scene.reviewers[0].id}`)).toEqual(['review.submitted']);
    expect(await actions('action=feedback.released,review.submitted')).toEqual(['feedback.released', 'review.submitted', 'feedback.released']);
    expect(await actions('action=invitation.')).toEqual(['invitation.extended']);
    expect(await actions(`subjectType=Submission&subjectId=${submission.id}`)).toEqual(['review.submitted', 'feedback.released']);
    expect(await actions(`invitationId=${invitation.id}`)).toEqual(['invitation.extended', 'review.submitted', 'feedback.released']);
    // A part of the name or the email finds the person; the row names them, their assessment and the actor.
    const byName = await page(`candidate=${encodeURIComponent(invitation.candidateName.slice(0, 20).toLowerCase())}&action=feedback.released`);
    expect(byName.events).toHaveLength(1);
    expect(byName.events[0]).toMatchObject({ actorName: scene.lead.name, candidateName: invitation.candidateName, assessmentName: assessment.name, invitationId: invitation.id });
    expect(await actions(`candidate=${encodeURIComponent(other.invitation.candidateEmail)}`)).toEqual(['feedback.released']);
    expect(await actions('candidate=nobody-by-this-name')).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await actions(`from=${today}&to=${today}&action=review.submitted`))).toEqual(['review.submitted']);
    expect(await actions(`from=${tomorrow}`)).toEqual([]);
    expect(await actions(`to=${new Date(Date.now() - 86_400_000).toISOString()}`)).toEqual([]);

    for (const [query, field] of [['action=Not An Action', 'action'], ['limit=1000', 'limit'], ['from=yesterday', 'from'], ['actorId=42', 'actorId'], ['cursor=garbage', 'cursor']]) {
      const res = await get(`/audit?${query}`, adminCookie);
      expect(res.status, query).toBe(400);
      expect((await res.json()).message, query).toMatch(new RegExp(`^${field}`));
    }
  });

  it('keeps the request metadata through a multipart upload (multer runs inside the request context)', async () => {
    const form = new FormData();
    form.append('file', new Blob(['name,email\nGrace Upload,grace.upload@example.test\n'], { type: 'text/csv' }), 'people.csv');
    const res = await fetch(`${t.baseUrl}/api/assessments/${scene.assessment.id}/invitations/import`, {
      method: 'POST',
      headers: { Cookie: await login(scene.lead), 'User-Agent': 'uploader/2.0' },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const [created] = (await page('action=invitation.created&candidate=grace.upload')).events;
    expect(created).toMatchObject({ actorId: scene.lead.id, userAgent: 'uploader/2.0', candidateName: 'Grace Upload', data: { email: 'grace.upload@example.test' } });
    expect(created.address).toMatch(/127\.0\.0\.1/);
  });

  it('is for admins only', async () => {
    expect((await get('/audit', await login(scene.lead))).status).toBe(403);
    expect((await get('/audit/export.csv', await login(scene.reviewers[0]))).status).toBe(403);
    expect((await get('/audit/verify', await login(scene.lead))).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/audit`)).status).toBe(401);
  });

  it('records identity views once an hour per viewer and candidate, exports, settings and API-key use', async () => {
    const lead = await login(scene.lead);
    const report = `/assessments/${scene.assessment.id}/invitations/${scene.invitation.id}/report`;
    expect((await get(report, lead)).status).toBe(200);
    expect((await get(report, lead)).status).toBe(200);
    expect((await get(`/assessments/${scene.assessment.id}/invitations`, lead)).status).toBe(200);
    const views = (await page(`action=candidate.identity_viewed&actorId=${scene.lead.id}&invitationId=${scene.invitation.id}`)).events;
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ data: { via: 'candidate-report' }, candidateName: scene.invitation.candidateName, userAgent: AGENT });

    expect((await get(`/assessments/${scene.assessment.id}/invitations/export.csv`, lead)).status).toBe(200);
    expect((await page(`action=pipeline.exported&actorId=${scene.lead.id}`)).events[0]).toMatchObject({ subjectId: scene.assessment.id, assessmentName: scene.assessment.name });

    const key = await fetch(`${t.baseUrl}/api/organization/api-key`, { method: 'POST', headers: { Cookie: adminCookie } }).then((r) => r.json());
    for (let i = 0; i < 3; i++) expect((await fetch(`${t.baseUrl}/api/v1/assessments`, { headers: { Authorization: `Bearer ${key.apiKey}` } })).status).toBe(200);
    expect((await page('action=api_key.')).events.map((e) => e.action)).toEqual(['api_key.used', 'api_key.rotated']);
  });

  it('exports the filtered events as CSV with formula-safe cells, and records the export', async () => {
    await login(admin, '=HYPERLINK("http://evil.test","x")');
    const res = await get(`/audit/export.csv?action=auth.signed_in&actorId=${admin.id}`, adminCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?audit-trail-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('sequence,created_at,actor,actor_id,action,subject_type,subject_id,subject,assessment,address,user_agent,request_id,data');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.slice(1).every((l) => l.includes('auth.signed_in') && l.includes(admin.name))).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    const [exported] = (await page('action=audit.exported')).events;
    expect(exported).toMatchObject({ actorId: admin.id, data: { action: ['auth.signed_in'], actorId: admin.id } });
  });

  it('keeps a chain that verifies, and reports the first hand-edited row', async () => {
    const org = await f.organization('Tamper');
    await recordMany(org.id, 6);
    const edited = await f.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, sequence: 4 } });
    expect(await verifyAuditChain(f.prisma, org.id)).toEqual({ organizationId: org.id, ok: true, checked: 6 });
    // As the database superuser with triggers off, as an attacker with database access would.
    await f.prisma.$transaction([
      f.prisma.$executeRawUnsafe("SET LOCAL session_replication_role = 'replica'"),
      f.prisma.$executeRaw`UPDATE "AuditEvent" SET "data" = '{"i": 99}' WHERE "id" = ${edited.id}::uuid`,
    ]);
    expect(await verifyAuditChain(f.prisma, org.id)).toEqual({
      organizationId: org.id,
      ok: false,
      checked: 4,
      broken: { id: edited.id, sequence: 4, problem: "hash does not match the event's content" },
    });
    // This organization's admin sees its chain intact.
    expect(auditChainCheck.parse(await get('/audit/verify', adminCookie).then((r) => r.json()))).toMatchObject({ ok: true, broken: null });
  });

  it("refuses updates and deletes from the application's connection", async () => {
    const prisma = t.app.get(PrismaService).client;
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: scene.org.id } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'review.deleted' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { organizationId: scene.org.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    // The organization's own deletion takes its events with it.
    const gone = await f.organization('Leaving');
    await recordMany(gone.id, 2);
    await f.prisma.organization.delete({ where: { id: gone.id } });
    expect(await f.prisma.auditEvent.count({ where: { organizationId: gone.id } })).toBe(0);
  });

  it("erases a candidate's personal fields and keeps the chain verifiable", async () => {
    const { org, invitation } = await reviews.reviewScene();
    const name = `Erasable Person ${randomUUID().slice(0, 6)}`;
    const email = `erasable.${randomUUID().slice(0, 6)}@candidate.test`;
    await audit.record(org.id, null, 'invitation.created', { type: 'Invitation', id: invitation.id }, { kind: 'CANDIDATE', email, name });
    await audit.record(org.id, null, 'invitation.resent', { type: 'Invitation', id: invitation.id }, {}, { personal: { candidateName: name, address: '203.0.113.9', userAgent: 'Agent/9' } });
    // An export searched by their name: not about them as a subject, but it names them.
    await audit.record(org.id, null, 'audit.exported', { type: 'Organization', id: org.id }, {}, { personal: { candidateSearch: name.toUpperCase() } });
    const stored = await f.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: 'invitation.created' } });
    // Names and emails never reach the hashed, permanent part of an event.
    expect(stored.data).toEqual({ kind: 'CANDIDATE' });
    const mentions = () => f.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "AuditEvent" e WHERE row_to_json(e)::text ILIKE ${`%${name}%`} OR row_to_json(e)::text ILIKE ${`%${email}%`} OR row_to_json(e)::text LIKE '%203.0.113.9%'`;
    expect(Number((await mentions())[0].n)).toBe(3);

    expect(await audit.erasePersonalData(org.id, [invitation.id], { terms: [name, email] })).toBe(3);
    expect(Number((await mentions())[0].n)).toBe(0);
    expect(await f.prisma.auditEvent.count({ where: { organizationId: org.id, subjectId: invitation.id } })).toBe(2);
    expect(await verifyAuditChain(f.prisma, org.id)).toMatchObject({ ok: true, checked: 4 });
  });
});
