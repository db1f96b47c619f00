import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionService } from '../src/privacy/retention.service';
import { CandidateClient } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { Mailbox } from './support/mailbox';
import { PipelineFactories } from './support/pipeline-factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Erasure on request leaves no trace of the person: after it, no column of any row of any table (each row cast to
 * text, tables listed from information_schema) and no file of the mail folder holds the candidate's name or email,
 * while scores and times stay and the audit chain still verifies.
 */
describe('erasing a candidate', () => {
  let t: TestApp;
  let f: Factories;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await Mailbox.create();
    t = await startTestApp('erasure', { MAIL_DIR: mailbox.dir, DEADLINE_SWEEP_INTERVAL_MS: '0', RETENTION_SWEEP_INTERVAL_MS: '0' });
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  /** Rows of every table in the public schema whose text holds `term` (case-insensitive), as "Table: n". */
  async function traces(term: string): Promise<string[]> {
    const tables = await f.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const found: string[] = [];
    for (const { table_name } of tables) {
      const [{ n }] = await f.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name.replace(/"/g, '""')}" t WHERE t::text ILIKE $1`,
        `%${term}%`,
      );
      if (n > 0) found.push(`${table_name}: ${n}`);
    }
    return found;
  }

  async function mailTraces(term: string): Promise<string[]> {
    const files = await readdir(mailbox.dir).catch(() => [] as string[]);
    const hits: string[] = [];
    for (const file of files) if ((await readFile(path.join(mailbox.dir, file), 'utf8')).toLowerCase().includes(term.toLowerCase())) hits.push(file);
    return hits;
  }

  it('clears every personal field, the mail folder and audit events; scores stay; the chain verifies', async () => {
    const pf = new PipelineFactories(f);
    const s = await pf.scene('LIVE');
    const admin = await f.user(s.org.id, 'ADMIN');
    const reviewer = await f.user(s.org.id, 'REVIEWER');
    const leadCookie = await signIn(t.baseUrl, s.lead.email, s.lead.password);
    const suffix = randomUUID().slice(0, 8);
    const name = `Zelda Erasable${suffix}`;
    const email = `zelda.${suffix}@candidate.test`;
    const keeper = { name: `Kim Keeper${suffix}`, email: `kim.${suffix}@candidate.test` };

    // Invited through the API: an email in the mail folder, audit events naming the person.
    const invite = async (who: { name: string; email: string }) => {
      const res = await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/invitations`, {
        method: 'POST',
        headers: { Cookie: leadCookie, 'Content-Type': 'application/json' },
        body: JSON.stringify(who),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as { invitationId: string; link: string };
    };
    const issued = await invite({ name, email });
    await invite(keeper);
    expect(await mailTraces(email)).toHaveLength(1);

    // The candidate works, writing their own name into code and survey, and submits.
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(issued.link.split('/a/')[1])).status).toBe(204);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    expect((await client.json('PUT', '/files', { path: 'server.js', content: `// by ${name} <${email}>`, baseRevision: 1 })).status).toBe(200);
    expect((await client.json('POST', '/submit')).status).toBe(200);
    expect((await client.json('POST', '/survey', { minutesSpent: 90, difficulty: 3, promptClarity: 4, comments: `${name} here` })).status).toBe(204);

    // Grading, a review with comments naming them, and feedback addressed to them.
    const submission = await f.prisma.submission.findFirstOrThrow({ where: { attempt: { invitationId: issued.invitationId } } });
    await f.prisma.run.updateMany({
      where: { submissionId: submission.id },
      data: { status: 'FINISHED', outcome: 'COMPLETED', score: 3, maxScore: 5, logs: `${name} started`, tests: [{ name: 'shortens', status: 'passed', score: 3, maxScore: 5, output: email, visibility: 'hidden' }] },
    });
    const criterion = await f.prisma.rubricCriterion.findFirstOrThrow({ where: { rubric: { challengeVersionId: s.challengeVersionId } } });
    await f.prisma.review.create({
      data: {
        submissionId: submission.id,
        reviewerId: reviewer.id,
        status: 'SUBMITTED',
        recommendation: 'YES',
        summary: `${name} writes tidy code`,
        submittedAt: new Date(),
        scores: { create: [{ criterionId: criterion.id, level: 3, comment: `${name} tested well` }] },
      },
    });
    // A line comment naming them (the autosave above already wrote a playback revision holding their name).
    await f.prisma.reviewLineComment.create({
      data: { submissionId: submission.id, authorId: reviewer.id, path: 'server.js', line: 1, body: `${name} signs the file`, shareWithCandidate: true },
    });
    await f.prisma.feedback.create({
      data: {
        submissionId: submission.id, authorId: s.lead.id, body: `Dear ${name}, thank you`, criteria: [{ criterionKey: 'k', title: 't', comment: name }],
        lineComments: [{ path: 'server.js', line: 1, onDiff: false, body: `${name} signs the file`, criterionTitle: null }],
      },
    });
    expect((await traces(email)).length).toBeGreaterThan(0);

    // Before erasure the candidate can download everything held about them, minus what stays hidden from them.
    const exported = await client.json('GET', '/data-export');
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      you: { name, email },
      attempt: { submission: { files: expect.objectContaining({ 'server.js': `// by ${name} <${email}>` }) }, survey: { comments: `${name} here` }, feedback: { released: false } },
    });
    // No reviewer's notes, and no hidden test by name or output (feedback not released yet).
    expect(exported.text).not.toContain('tidy code');
    expect(exported.text).not.toContain('tested well');
    expect(exported.text).not.toContain('shortens');
    expect(await f.prisma.auditEvent.count({ where: { action: 'candidate.data_exported', subjectId: issued.invitationId } })).toBe(1);

    const erase = await fetch(`${t.baseUrl}/api/invitations/${issued.invitationId}/erasure`, { method: 'POST', headers: { Cookie: leadCookie } });
    expect(erase.status, await erase.clone().text()).toBe(200);
    expect(await erase.json()).toMatchObject({ invitationId: issued.invitationId, mailsRemoved: 1 });

    // No trace in any table or in the mail folder, by name, by email, or by the email's local part.
    for (const term of [name, email, `zelda.${suffix}`, `Erasable${suffix}`]) {
      expect(await traces(term), term).toEqual([]);
      expect(await mailTraces(term), term).toEqual([]);
    }
    // The other candidate is untouched; the scores stay for analytics.
    expect(await traces(keeper.email)).not.toEqual([]);
    expect(await mailTraces(keeper.email)).toHaveLength(1);
    const run = await f.prisma.run.findFirstOrThrow({ where: { submissionId: submission.id } });
    expect(run).toMatchObject({ score: 3, maxScore: 5, outcome: 'COMPLETED' });
    expect(await f.prisma.reviewScore.count({ where: { review: { submissionId: submission.id }, level: 3 } })).toBe(1);

    // Audited, and the chain still verifies.
    const adminCookie = await signIn(t.baseUrl, admin.email, admin.password);
    const verify = await fetch(`${t.baseUrl}/api/audit/verify`, { headers: { Cookie: adminCookie } });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true });
    expect(await f.prisma.auditEvent.count({ where: { organizationId: s.org.id, action: 'candidate.erased', subjectId: issued.invitationId } })).toBe(1);

    // The candidate's session and link are gone with their data.
    expect((await client.json('GET', '/attempt')).status).toBe(401);
    expect((await new CandidateClient(t.baseUrl).open(issued.link.split('/a/')[1])).status).toBe(404);

    // Only the team's leads can erase, and only in their own organization.
    const other = await new PipelineFactories(f).scene('LIVE');
    const outsider = await signIn(t.baseUrl, other.lead.email, other.lead.password);
    expect((await fetch(`${t.baseUrl}/api/invitations/${issued.invitationId}/erasure`, { method: 'POST', headers: { Cookie: outsider } })).status).toBe(404);
    const reviewerCookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
    expect((await fetch(`${t.baseUrl}/api/invitations/${issued.invitationId}/erasure`, { method: 'POST', headers: { Cookie: reviewerCookie } })).status).toBe(403);
  });

  it("erases finished candidates after the organization's retention period, and only them", async () => {
    const pf = new PipelineFactories(f);
    const s = await pf.scene('LIVE');
    const admin = await f.user(s.org.id, 'ADMIN');
    const adminCookie = await signIn(t.baseUrl, admin.email, admin.password);
    const leadCookie = await signIn(t.baseUrl, s.lead.email, s.lead.password);
    const put = (cookie: string, body: unknown) =>
      fetch(`${t.baseUrl}/api/organization/privacy`, { method: 'PUT', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    expect(await (await fetch(`${t.baseUrl}/api/organization/privacy`, { headers: { Cookie: adminCookie } })).json()).toEqual({ candidateRetentionDays: null });
    const bad = await put(adminCookie, { candidateRetentionDays: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path)).toEqual(['candidateRetentionDays']);
    expect((await put(leadCookie, { candidateRetentionDays: 30 })).status).toBe(403);
    const saved = await put(adminCookie, { candidateRetentionDays: 30 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ candidateRetentionDays: 30 });

    const day = 1440;
    const old = await pf.invitee(s, { name: 'Olga Oldfinished', startedMinutesAgo: 40 * day, submittedAfterMinutes: 60, tests: { visiblePassed: 2, visibleTotal: 3, hiddenPassed: 1, hiddenTotal: 2 } });
    const expired = await pf.invitee(s, { name: 'Ezra Expiredlong', createdAt: new Date(Date.now() - 50 * day * 60_000), expiresAt: new Date(Date.now() - 45 * day * 60_000) });
    const recent = await pf.invitee(s, { name: 'Rita Recent', startedMinutesAgo: 5 * day, submittedAfterMinutes: 60 });
    const working = await pf.invitee(s, { name: 'Wes Working', startedMinutesAgo: 60 });

    expect(await t.app.get(RetentionService).sweep()).toBe(2);
    const names = async () => Object.fromEntries((await f.prisma.invitation.findMany({ where: { organizationId: s.org.id } })).map((i) => [i.id, i.candidateName]));
    const after = await names();
    expect(after[old.invitation.id]).toBe('Erased candidate');
    expect(after[expired.invitation.id]).toBe('Erased candidate');
    expect(after[recent.invitation.id]).toBe('Rita Recent');
    expect(after[working.invitation.id]).toBe('Wes Working');
    expect(await traces('Olga Oldfinished')).toEqual([]);
    // The anonymous result stays for analytics.
    expect(await f.prisma.run.count({ where: { submission: { attempt: { invitationId: old.invitation.id } }, status: 'FINISHED' } })).toBe(1);
    expect(await f.prisma.auditEvent.count({ where: { organizationId: s.org.id, action: 'candidate.erased', actorId: null } })).toBe(2);
    // Nothing left to do: a second sweep erases nobody.
    expect(await t.app.get(RetentionService).sweep()).toBe(0);
  });
});
