import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineScheduler } from '../src/attempts/submission/deadline-scheduler';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const HIDDEN_TESTS = path.resolve(__dirname, '../../../challenges/url-shortener/tests/hidden');

describe('candidate: invitation links, drafts, runs, submission', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('candidate');
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  async function started(options: Parameters<CandidateFactories['scene']>[0] = {}) {
    const scene = await cf.scene(options);
    const { invitation, token } = await cf.invitation(scene, options);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    const start = await client.json('POST', '/attempt/start', { runtime: 'node20' });
    expect(start.status).toBe(200);
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    return { scene, invitation, token, client, attempt };
  }

  describe('invitation links', () => {
    it('answers a clear reason code for invalid, expired, revoked and used links', async () => {
      const scene = await cf.scene();
      const client = new CandidateClient(t.baseUrl);
      const invalid = await client.open('x'.repeat(43));
      expect(invalid.status).toBe(404);
      expect(await invalid.json()).toMatchObject({ code: 'invalid', message: expect.stringContaining('not valid') });

      const expired = await cf.invitation(scene, { expiresAt: new Date(Date.now() - 1000) });
      const e = await client.open(expired.token);
      expect(e.status).toBe(410);
      expect(await e.json()).toMatchObject({ code: 'expired', message: expect.stringContaining('expired') });

      const revoked = await cf.invitation(scene, { status: 'REVOKED' });
      const r = await client.open(revoked.token);
      expect(r.status).toBe(410);
      expect(await r.json()).toMatchObject({ code: 'revoked' });

      const { token, client: first } = await started();
      expect((await first.json('POST', '/submit')).status).toBe(200);
      const used = await new CandidateClient(t.baseUrl).open(token);
      expect(used.status).toBe(410);
      expect(await used.json()).toMatchObject({ code: 'used' });
      // The browser that submitted keeps its session for the survey and the feedback page.
      expect((await first.json('GET', '/feedback')).body).toEqual({ released: false });
    });

    it('sets an httpOnly cookie scoped to candidate routes, stored only as a hash', async () => {
      const scene = await cf.scene();
      const { invitation, token } = await cf.invitation(scene);
      const res = await new CandidateClient(t.baseUrl).open(token);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Path=\/api\/candidate/);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const value = cookie.split(';')[0].split('=')[1];
      const sessions = await f.prisma.candidateSession.findMany({ where: { invitationId: invitation.id } });
      expect(sessions).toHaveLength(1);
      expect(sessions[0].tokenHash).not.toBe(value);
      expect((await f.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe('OPENED');
    });

    it('lets the same link restore the same attempt on a second device until submission', async () => {
      const { token, client } = await started();
      const saved = await client.json('PUT', '/files', { path: 'notes.md', content: 'first device', baseRevision: null });
      expect(saved.status).toBe(200);
      const second = new CandidateClient(t.baseUrl);
      expect((await second.open(token)).status).toBe(204);
      const ws = await second.json('GET', '/workspace');
      expect(ws.body.files.find((x: { path: string }) => x.path === 'notes.md').content).toBe('first device');
      expect((await second.json('POST', '/attempt/start', { runtime: 'node20' })).body.code).toBe('already_started');
    });

    it('refuses candidate routes without a session, and team routes with a candidate cookie', async () => {
      const { client } = await started();
      const none = await new CandidateClient(t.baseUrl).json('GET', '/attempt');
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('no_session');
      const team = await fetch(`${t.baseUrl}/api/assessments`, { headers: { Cookie: client.cookie } });
      expect(team.status).toBe(401);
    });
  });

  describe('landing and start', () => {
    it('shows the task, time with accommodation and criteria in plain words, and starts the clock on the server', async () => {
      const scene = await cf.scene({ timeLimitMinutes: 120 });
      const { token } = await cf.invitation(scene, { accommodationMinutes: 30 });
      const client = new CandidateClient(t.baseUrl);
      await client.open(token);
      const overview = await client.json('GET', '/attempt');
      expect(overview.body).toMatchObject({ timeLimitMinutes: 120, accommodationMinutes: 30, attempt: null });
      expect(overview.body.challenge.criteria[0]).toEqual({ title: 'Behaviour matches the contract', description: expect.any(String), weight: 30 });
      // Level descriptors are the reviewers' scale, not the landing page's.
      expect(overview.text).not.toContain('Creating or redirecting links fails');
      expect((await client.json('POST', '/attempt/start', { runtime: 'cobol' })).status).toBe(400);
      const before = Date.now();
      const start = await client.json('POST', '/attempt/start', { runtime: 'node20' });
      const deadline = Date.parse(start.body.attempt.deadline);
      expect(deadline).toBeGreaterThanOrEqual(before + 150 * 60_000 - 1000);
      expect(deadline).toBeLessThanOrEqual(Date.now() + 150 * 60_000 + 1000);
      const ws = await client.json('GET', '/workspace');
      expect(ws.body.files.map((x: { path: string }) => x.path).sort()).toEqual(['README.md', 'package.json', 'server.js']);
      expect(ws.body.promptMarkdown).toContain('#');
      // No sidecars declared: none said.
      expect(overview.body.challenge.services).toEqual([]);
      expect(ws.body.services).toEqual([]);
    });

    it('names the sidecar services a challenge declares and the variables that reach them, before and after the start', async () => {
      const scene = await cf.scene();
      const version = await f.prisma.challengeVersion.findUniqueOrThrow({ where: { id: scene.challengeVersionId } });
      const manifest = { ...(version.manifest as object), services: { postgres: { version: '15', testAccess: 'read-only' }, redis: { version: '7' } } };
      await f.prisma.challengeVersion.update({ where: { id: version.id }, data: { manifest } });
      const { token } = await cf.invitation(scene);
      const client = new CandidateClient(t.baseUrl);
      await client.open(token);
      const overview = await client.json('GET', '/attempt');
      expect(overview.body.challenge.services).toEqual([
        expect.objectContaining({ kind: 'postgres', title: 'PostgreSQL 15', env: expect.arrayContaining(['DATABASE_URL', 'PGPASSWORD']), host: 'postgres', port: 5432, testsReadData: true }),
        expect.objectContaining({ kind: 'redis', title: 'Redis 7', env: ['REDIS_URL'], host: 'redis', port: 6379, testsReadData: false }),
      ]);
      // The test runner's read-only login is never named to the candidate.
      expect(overview.text).not.toContain('tests_ro');
      await client.json('POST', '/attempt/start', { runtime: 'node20' });
      const ws = await client.json('GET', '/workspace');
      expect(ws.body.services.map((x: { title: string }) => x.title)).toEqual(['PostgreSQL 15', 'Redis 7']);
    });
  });

  describe('drafts', () => {
    it('saves with revisions and refuses a stale revision with 409 without changing the file', async () => {
      const { client } = await started();
      const a = await client.json('PUT', '/files', { path: 'server.js', content: 'tab A', baseRevision: 1 });
      expect(a.body).toMatchObject({ path: 'server.js', revision: 2 });
      const b = await client.json('PUT', '/files', { path: 'server.js', content: 'tab B (stale)', baseRevision: 1 });
      expect(b.status).toBe(409);
      expect(b.body).toMatchObject({ code: 'stale_revision', message: expect.stringContaining('another tab') });
      const ws = await client.json('GET', '/workspace');
      expect(ws.body.files.find((x: { path: string }) => x.path === 'server.js')).toMatchObject({ content: 'tab A', revision: 2 });
    });

    it('creates, renames and deletes files, and refuses clashes', async () => {
      const { client } = await started();
      expect((await client.json('PUT', '/files', { path: 'src/store.js', content: 'x', baseRevision: null })).status).toBe(200);
      expect((await client.json('PUT', '/files', { path: 'src/store.js', content: 'y', baseRevision: null })).body.code).toBe('file_exists');
      expect((await client.json('PUT', '/files', { path: 'src', content: 'y', baseRevision: null })).body.code).toBe('file_exists');
      const renamed = await client.json('POST', '/files/rename', { from: 'src/store.js', to: 'lib/store.js', baseRevision: 1 });
      expect(renamed.body).toMatchObject({ path: 'lib/store.js', revision: 2 });
      expect((await client.json('POST', '/files/delete', { path: 'lib/store.js', baseRevision: 1 })).status).toBe(409);
      expect((await client.json('POST', '/files/delete', { path: 'lib/store.js', baseRevision: 2 })).status).toBe(204);
      const ws = await client.json('GET', '/workspace');
      expect(ws.body.files.map((x: { path: string }) => x.path)).not.toContain('lib/store.js');
    });

    it.each(['../escape.js', '/etc/passwd', 'a\\b.js', 'a\u0000b', 'src/./x.js', 'src//x.js', '', 'x'.repeat(201)])('refuses the path %j with 400', async (bad) => {
      const { client } = await started();
      const res = await client.json('PUT', '/files', { path: bad, content: 'x', baseRevision: null });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe('path');
    });

    it('refuses a file over 200 KB and more than 100 files', async () => {
      const { client, attempt } = await started();
      const big = await client.json('PUT', '/files', { path: 'big.txt', content: 'x'.repeat(200 * 1024 + 1), baseRevision: null });
      expect(big.status).toBe(400);
      await f.prisma.draftFile.createMany({ data: Array.from({ length: 97 }, (_, i) => ({ attemptId: attempt.id, path: `f${i}.txt`, content: '' })) });
      const tooMany = await client.json('PUT', '/files', { path: 'one-more.txt', content: '', baseRevision: null });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.message).toContain('100 files');
    });

    it('holds the 100-file and 2 MB limits against concurrent creates', async () => {
      const { client, attempt } = await started();
      const starter = await f.prisma.draftFile.count({ where: { attemptId: attempt.id } });
      await f.prisma.draftFile.createMany({ data: Array.from({ length: 95 - starter }, (_, i) => ({ attemptId: attempt.id, path: `f${i}.txt`, content: '' })) });
      const creates = await Promise.all(Array.from({ length: 12 }, (_, i) => client.call('PUT', '/files', { path: `race-${i}.txt`, content: '', baseRevision: null })));
      expect(creates.filter((r) => r.status === 200)).toHaveLength(5);
      expect(creates.filter((r) => r.status === 400)).toHaveLength(7);
      expect(await f.prisma.draftFile.count({ where: { attemptId: attempt.id } })).toBe(100);

      const other = await started();
      const chunk = 'x'.repeat(190 * 1024);
      const big = await Promise.all(Array.from({ length: 14 }, (_, i) => other.client.call('PUT', '/files', { path: `big-${i}.txt`, content: chunk, baseRevision: null })));
      expect(big.every((r) => r.status === 200 || r.status === 400)).toBe(true);
      const [{ bytes }] = await f.prisma.$queryRaw<{ bytes: number }[]>`
        SELECT coalesce(sum(octet_length(content)), 0)::int AS bytes FROM "DraftFile" WHERE "attemptId" = ${other.attempt.id}::uuid`;
      expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    });

    it('holds the 2 MB limit against concurrent saves growing existing files (the one-statement autosave)', async () => {
      const { client, attempt } = await started();
      await f.prisma.draftFile.createMany({ data: Array.from({ length: 11 }, (_, i) => ({ attemptId: attempt.id, path: `grow-${i}.txt`, content: 'x' })) });
      const chunk = 'x'.repeat(200 * 1024);
      const saves = await Promise.all(Array.from({ length: 11 }, (_, i) => client.call('PUT', '/files', { path: `grow-${i}.txt`, content: chunk, baseRevision: 1 })));
      const refused = saves.filter((r) => r.status === 400);
      expect(saves.filter((r) => r.status === 200).length + refused.length).toBe(11);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect((await r.json()).message).toContain('2 MB');
      const [{ bytes }] = await f.prisma.$queryRaw<{ bytes: number }[]>`
        SELECT coalesce(sum(octet_length(content)), 0)::int AS bytes FROM "DraftFile" WHERE "attemptId" = ${attempt.id}::uuid`;
      expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    });

    it('answers a NUL byte in draft content with 400 naming the field', async () => {
      const { client } = await started();
      const res = await client.json('PUT', '/files', { path: 'nul.txt', content: 'a\u0000b', baseRevision: null });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^content: .*NUL/);
    });
  });

  describe('isolation', () => {
    it("never reaches another attempt's runs, hidden tests, grading runs, reviewer notes or unreleased feedback", async () => {
      const a = await started();
      const b = await started();
      const hiddenNames = ['persistence: links, aliases and click counts survive a restart'];
      const tests = [
        { name: 'links: creates a link', status: 'passed', score: 1, maxScore: 1, output: 'ok', visibility: 'visible' },
        { name: hiddenNames[0], status: 'failed', score: 0, maxScore: 4, output: 'SECRET-HIDDEN-OUTPUT', visibility: 'hidden' },
        { name: 'after-published test name', status: 'passed', score: 1, maxScore: 1, output: 'SECRET-AP-OUTPUT', visibility: 'after_published' },
      ];
      const runOfB = await f.prisma.run.create({
        data: { kind: 'PRACTICE', status: 'FINISHED', attemptId: b.attempt.id, challengeVersionId: b.scene.challengeVersionId, runtime: 'node20', suite: 'visible', files: {}, tests },
      });
      const runOfA = await f.prisma.run.create({
        data: { kind: 'PRACTICE', status: 'FINISHED', attemptId: a.attempt.id, challengeVersionId: a.scene.challengeVersionId, runtime: 'node20', suite: 'visible', files: {}, tests },
      });
      expect((await a.client.json('GET', `/runs/${runOfB.id}`)).status).toBe(404);
      expect((await a.client.json('GET', `/runs/${runOfB.id}/events`)).status).toBe(404);
      const own = await a.client.json('GET', `/runs/${runOfA.id}`);
      expect(own.body.tests).toHaveLength(1);
      const list = await a.client.json('GET', '/runs');
      for (const text of [own.text, list.text]) {
        expect(text).not.toContain(hiddenNames[0]);
        expect(text).not.toContain('SECRET-HIDDEN-OUTPUT');
        expect(text).not.toContain('SECRET-AP-OUTPUT');
      }

      // Submitting makes a grading run (suite "all"); it is not a practice run and never reachable.
      await a.client.json('PUT', '/files', { path: 'server.js', content: 'mine', baseRevision: 1 });
      expect((await a.client.json('POST', '/submit')).status).toBe(200);
      const grading = await f.prisma.run.findFirstOrThrow({ where: { submission: { attemptId: a.attempt.id } } });
      expect(grading).toMatchObject({ kind: 'GRADING', suite: 'all', files: expect.objectContaining({ 'server.js': 'mine' }) });
      await f.prisma.run.update({ where: { id: grading.id }, data: { status: 'FINISHED', outcome: 'COMPLETED', finishedAt: new Date(), tests } });
      expect((await a.client.json('GET', `/runs/${grading.id}`)).status).toBe(404);

      // A reviewer's notes and a draft (unreleased) feedback never reach the candidate.
      const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: a.attempt.id } });
      const reviewer = await f.user(a.scene.org.id, 'REVIEWER');
      await f.prisma.review.create({ data: { submissionId: submission.id, reviewerId: reviewer.id, summary: 'REVIEWER-PRIVATE-NOTE' } });
      await f.prisma.feedback.create({
        data: { submissionId: submission.id, authorId: reviewer.id, body: 'DRAFT-FEEDBACK', criteria: [{ criterionKey: 'testing', title: 'Own tests', comment: 'Good' }] },
      });
      const unreleased = await a.client.json('GET', '/feedback');
      expect(unreleased.body).toEqual({ released: false });
      const hiddenFile = readFileSync(path.join(HIDDEN_TESTS, 'persistence.test.mjs'), 'utf8').split('\n').find((l) => l.trim().length > 30)!.trim();
      const secrets = ['REVIEWER-PRIVATE-NOTE', hiddenNames[0], 'SECRET-HIDDEN-OUTPUT', 'SECRET-AP-OUTPUT', hiddenFile];
      for (const route of ['/attempt', '/workspace', '/runs', '/feedback']) {
        const res = await a.client.json('GET', route);
        for (const secret of [...secrets, 'after-published test name']) expect(res.text, `${route} leaks ${secret}`).not.toContain(secret);
      }

      await f.prisma.feedback.update({ where: { submissionId: submission.id }, data: { releasedAt: new Date() } });
      const released = await a.client.json('GET', '/feedback');
      expect(released.body).toMatchObject({ released: true, body: 'DRAFT-FEEDBACK', criteria: [{ title: 'Own tests', comment: 'Good' }] });
      // Released: the test marked after_published now reaches the candidate by name; hidden ones stay counts.
      expect(released.body.tests).toEqual({
        visible: { passed: 2, total: 2, names: [{ name: 'links: creates a link', passed: true }, { name: 'after-published test name', passed: true }] },
        hidden: { passed: 0, total: 1 },
      });
      // B still sees nothing of A's.
      expect((await b.client.json('GET', '/feedback')).body).toEqual({ released: false });
      for (const route of ['/attempt', '/workspace', '/runs', '/feedback']) {
        const res = await a.client.json('GET', route);
        for (const secret of secrets) expect(res.text, `${route} leaks ${secret}`).not.toContain(secret);
      }
    });

    it('names after_published tests to the candidate only once feedback is released, and never hidden ones', async () => {
      const a = await started();
      expect((await a.client.json('POST', '/submit')).status).toBe(200);
      const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: a.attempt.id } });
      const test = (name: string, visibility: string, passed: boolean) => ({ name, status: passed ? 'passed' : 'failed', score: passed ? 1 : 0, maxScore: 1, output: '', visibility });
      await f.prisma.run.updateMany({
        where: { submissionId: submission.id, kind: 'GRADING' },
        data: {
          status: 'FINISHED',
          outcome: 'COMPLETED',
          finishedAt: new Date(),
          tests: [test('shown while working', 'visible', true), test('named after release', 'after_published', false), test('never named', 'hidden', true)],
        },
      });
      const lead = await f.user(a.scene.org.id, 'HIRING_LEAD');
      await f.prisma.feedback.create({ data: { submissionId: submission.id, authorId: lead.id, body: 'Thanks', criteria: [] } });
      const before = await a.client.json('GET', '/feedback');
      expect(before.body).toEqual({ released: false });
      expect(before.text).not.toContain('named after release');

      await f.prisma.feedback.update({ where: { submissionId: submission.id }, data: { releasedAt: new Date() } });
      const after = await a.client.json('GET', '/feedback');
      expect(after.body.tests).toEqual({
        visible: { passed: 1, total: 2, names: [{ name: 'shown while working', passed: true }, { name: 'named after release', passed: false }] },
        hidden: { passed: 1, total: 1 },
      });
      expect(after.text).not.toContain('never named');
    });
  });

  describe('practice runs', () => {
    it('runs one at a time and at most practiceRunsPerHour, with a clear 429', async () => {
      const { client, attempt } = await started({ practiceRunsPerHour: 2 });
      expect((await client.json('GET', '/runs/allowance')).body).toEqual({ perHour: 2, usedThisHour: 0, left: 2, nextAvailableAt: null });
      const first = await client.json('POST', '/runs');
      expect(first.body).toMatchObject({ status: 'QUEUED', tests: [] });
      const run = await f.prisma.run.findUniqueOrThrow({ where: { id: first.body.id } });
      expect(run).toMatchObject({ kind: 'PRACTICE', suite: 'visible', attemptId: attempt.id });
      expect(Object.keys(run.files as object).sort()).toEqual(['README.md', 'package.json', 'server.js']);
      const busy = await client.json('POST', '/runs');
      expect(busy.status).toBe(429);
      expect(busy.body.code).toBe('run_in_progress');
      await f.prisma.run.update({ where: { id: run.id }, data: { status: 'FINISHED' } });
      const second = await client.json('POST', '/runs');
      expect(second.status).toBe(201);
      await f.prisma.run.update({ where: { id: second.body.id }, data: { status: 'FINISHED' } });
      const limited = await client.json('POST', '/runs');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('2 times per hour') });
      const allowance = (await client.json('GET', '/runs/allowance')).body;
      expect(allowance).toMatchObject({ perHour: 2, usedThisHour: 2, left: 0 });
      expect(Date.parse(allowance.nextAvailableAt) - Date.parse(run.queuedAt.toISOString())).toBe(3_600_000);
    });
  });

  describe('submission and deadline', () => {
    it('submits once, then refuses every write; the survey is answered once', async () => {
      const { client } = await started();
      expect((await client.json('POST', '/survey', { minutesSpent: 90, difficulty: 3, promptClarity: 4 })).status).toBe(409);
      const receipt = await client.json('POST', '/submit');
      expect(receipt.body).toMatchObject({ automatic: false, fileCount: 3 });
      for (const [method, route, body] of [
        ['PUT', '/files', { path: 'server.js', content: 'late', baseRevision: 1 }],
        ['POST', '/files/delete', { path: 'server.js', baseRevision: 1 }],
        ['POST', '/runs', undefined],
        ['POST', '/submit', undefined],
      ] as const) {
        const res = await client.json(method, route, body);
        expect(res.status, `${method} ${route}`).toBe(409);
        expect(res.body.code).toBe('submitted');
      }
      expect((await client.json('POST', '/survey', { minutesSpent: 90, difficulty: 3, promptClarity: 4, comments: 'fair' })).status).toBe(204);
      expect((await client.json('POST', '/survey', { minutesSpent: 90, difficulty: 3, promptClarity: 4 })).body.code).toBe('survey_answered');
      expect((await client.json('GET', '/attempt')).body).toMatchObject({ surveyAnswered: true, attempt: { status: 'SUBMITTED' } });
    });

    it('submits the last saved state by itself on the first request after the deadline (lazy enforcement)', async () => {
      const { client, attempt } = await started();
      await client.json('PUT', '/files', { path: 'server.js', content: 'last saved', baseRevision: 1 });
      await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 61_000) } });
      const save = await client.json('PUT', '/files', { path: 'server.js', content: 'too late', baseRevision: 2 });
      expect(save.status).toBe(409);
      expect(save.body).toMatchObject({ code: 'time_up', message: expect.stringContaining('submitted automatically') });
      const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } });
      expect(submission).toMatchObject({ automatic: true, files: expect.objectContaining({ 'server.js': 'last saved' }) });
      expect((await f.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe('EXPIRED_SUBMITTED');
      expect((await client.json('GET', '/attempt')).body.attempt).toMatchObject({ status: 'EXPIRED_SUBMITTED', automatic: true });
    });

    it('reads the deadline as stored whatever time zone the API runs in (the autosave reads it with pg alone)', async () => {
      const { client, attempt } = await started();
      await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 5 * 60_000) } });
      const zone = process.env.TZ;
      // Ten hours behind UTC: a deadline read as local time would still lie hours ahead, and the save would land.
      process.env.TZ = 'Pacific/Honolulu';
      try {
        const save = await client.json('PUT', '/files', { path: 'server.js', content: 'too late', baseRevision: 1 });
        expect(save).toMatchObject({ status: 409, body: { code: 'time_up' } });
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });

    it('accepts a save within the grace period after the deadline', async () => {
      const { client, attempt } = await started();
      await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 5_000) } });
      expect((await client.json('PUT', '/files', { path: 'server.js', content: 'in flight', baseRevision: 1 })).status).toBe(200);
    });

    it('submits by itself through the delayed job, with no candidate request at all', async () => {
      const { attempt } = await started({ graceSeconds: 0 });
      await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() + 500) } });
      await t.app.get(DeadlineScheduler).schedule(attempt.id, new Date(Date.now() + 500));
      const until = Date.now() + 15_000;
      let status = 'IN_PROGRESS';
      while (status === 'IN_PROGRESS' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await f.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).status;
      }
      expect(status).toBe('EXPIRED_SUBMITTED');
      expect(await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } })).toMatchObject({ automatic: true });
    });
  });
});
