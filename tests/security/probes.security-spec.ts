import { randomUUID } from 'node:crypto';
import { loadChallenge, packageFiles } from '@takehome/challenge';
import { reviewWorkspace } from '@takehome/contracts';
import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileZip } from '../../apps/api/src/challenges/hostile-zip.fixture';
import { signIn } from '../../apps/api/test/support/factories';
import { type Probe, startProbe } from './support';

const FOREIGN = 'https://attacker.example';
const zipOf = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [p, strToU8(c)]))));

describe('security probes against the started app', () => {
  let p: Probe;
  let challengeFiles: Record<string, string>;

  beforeAll(async () => {
    p = await startProbe();
    challengeFiles = packageFiles(await loadChallenge(path.resolve(__dirname, '../../challenges/url-shortener')));
  });
  afterAll(async () => {
    await p?.f.close();
    await p?.t.close();
  });

  describe('perimeter', () => {
    it('answers the app and the API with the security headers', async () => {
      for (const url of ['/', '/assessments', '/api/auth/me', '/health']) {
        const res = await p.call('GET', url);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("object-src 'none'");
        expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(res.headers.get('x-frame-options'), url).toBe('DENY');
        expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
        expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
        expect(res.headers.get('x-powered-by'), url).toBeNull();
      }
    });

    it('refuses state changes from a foreign Origin, for team and candidate cookies alike', async () => {
      const { cookie } = await p.lead();
      const logout = await p.call('POST', '/api/auth/logout', { cookie, origin: FOREIGN });
      expect(logout.status).toBe(403);
      expect((await p.call('GET', '/api/auth/me', { cookie })).status).toBe(200);
      const crossSite = await fetch(`${p.t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } });
      expect(crossSite.status).toBe(403);
      const { client } = await p.candidate();
      const end = await p.call('POST', '/api/candidate/sessions/end', { cookie: client.cookie, origin: FOREIGN });
      expect(end.status).toBe(403);
      expect((await client.call('GET', '/attempt')).status).toBe(200);
      // Our own origin (as the browser sends it) passes.
      expect((await p.call('POST', '/api/auth/logout', { cookie, origin: p.t.baseUrl })).status).toBeLessThan(300);
    });

    it('refuses a CSV import sent as text/plain, and form-encoded bodies anywhere', async () => {
      const { cookie } = await p.lead();
      const csv = await p.call('POST', `/api/assessments/${randomUUID()}/invitations/import`, { cookie, body: 'name,email\nA,a@x.test', type: 'text/plain' });
      expect(csv.status).toBe(415);
      const form = await p.call('POST', '/api/auth/login', { body: 'email=a%40x.test&password=x', type: 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
    });

    it('answers 429 with Retry-After once a public route\'s limit is spent', async () => {
      const from = '198.51.100.20';
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await p.call('POST', '/api/candidate/sessions', { json: { token: `guess-${i}` }, from })).status);
      expect(statuses.every((s) => s === 400 || s === 404)).toBe(true);
      const limited = await p.call('POST', '/api/candidate/sessions', { json: { token: 'one-more' }, from });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another address is not affected.
      expect((await p.call('POST', '/api/candidate/sessions', { json: { token: 'x' }, from: '198.51.100.21' })).status).not.toBe(429);
    });

    it('slows an attacker without locking the real user out', async () => {
      const org = await p.f.organization();
      const user = await p.f.user(org.id, 'REVIEWER');
      const attempt = (password: string, from: string) => p.call('POST', '/api/auth/login', { json: { email: user.email, password }, from });
      const attacker = '203.0.113.66';
      const tries: number[] = [];
      for (let i = 0; i < 7; i++) tries.push((await attempt(`guess-${i}`, attacker)).status);
      expect(tries).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Even the right password is refused from the attacker's address...
      expect((await attempt(user.password, attacker)).status).toBe(429);
      // ...while the real user, from their own address, signs in.
      const real = await attempt(user.password, '198.51.100.7');
      expect(real.status).toBe(200);
    });

    it('hides the API docs and source maps when they are not enabled', async () => {
      expect((await p.call('GET', '/api/docs')).status).toBe(404);
      expect((await p.call('GET', '/api/docs-json')).status).toBe(404);
      const map = await p.call('GET', '/assets/index.js.map');
      expect(map.status).toBe(404);
      expect(map.headers.get('content-type')).not.toContain('text/html');
    });

    it('refuses a JSON body over the default limit with 413 on an ordinary route', async () => {
      const res = await p.call('POST', '/api/auth/login', { json: { email: 'a@x.test', password: 'x'.repeat(300 * 1024) }, from: '198.51.100.30' });
      expect(res.status).toBe(413);
      expect((await res.json()).message).toMatch(/larger than/);
    });
  });

  describe('uploads and odd input', () => {
    it('refuses a zip bomb with 400 while /health keeps answering within 100 ms', async () => {
      const { cookie } = await p.lead();
      const bomb = hostileZip(256, 4); // four entries declaring 100 bytes, 1 GB inflated in all
      // Warm: the first health check opens its connections (database, Redis, Docker).
      for (let i = 0; i < 3; i++) await fetch(`${p.t.baseUrl}/health`);
      const pings: number[] = [];
      let uploading = true;
      const upload = p.call('POST', '/api/challenges/import', { cookie, body: bomb, type: 'application/zip' }).finally(() => (uploading = false));
      while (uploading || pings.length < 5) {
        const started = performance.now();
        expect((await fetch(`${p.t.baseUrl}/health`)).status).toBeLessThan(600);
        pings.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
      const res = await upload;
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/unpacks to more than/);
      // Typical pings stay under 100 ms. The ceiling for any single one is looser only because this shared
      // 2-core machine stalls whole processes now and then; inflating on the event loop held /health for seconds.
      const sorted = [...pings].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
      expect(sorted.at(-1)).toBeLessThan(1_000);
    });

    it('answers a YAML alias bomb in rubric.yaml with 400', async () => {
      const { cookie } = await p.lead();
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'criteria: *i'].join('\n');
      const res = await p.call('POST', '/api/challenges/import', { cookie, body: zipOf({ ...challengeFiles, 'rubric.yaml': bomb }), type: 'application/zip' });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/rubric\.yaml/);
    });

    it('answers a NUL byte in draft content with 400', async () => {
      const { client } = await p.candidate();
      expect((await client.call('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
      const res = await client.json('PUT', '/files', { path: 'a.js', content: 'x\u0000y', baseRevision: null });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/content/);
    });

    it('answers a duplicated criterion in one review with 400', async () => {
      const scene = await p.rf.reviewScene();
      await p.rf.assign(scene.submission.id, scene.reviewers[0].id);
      const cookie = await signIn(p.t.baseUrl, scene.reviewers[0].email, scene.reviewers[0].password);
      const ws = reviewWorkspace.parse(await (await p.call('GET', `/api/reviews/submissions/${scene.submission.id}`, { cookie })).json());
      const score = { criterionId: ws.rubric[0].id, level: 2, comment: '' };
      const res = await p.call('PUT', `/api/reviews/submissions/${scene.submission.id}/draft`, { cookie, json: { recommendation: null, summary: '', scores: [score, score] } });
      expect(res.status).toBe(400);
    });
  });

  describe('webhooks, runs, sessions', () => {
    it('refuses internal webhook targets in every form and accepts a public IPv4 address', async () => {
      const { cookie } = await p.lead();
      const register = (url: string) => p.call('POST', '/api/webhooks', { cookie, json: { url, events: ['feedback.released'] } });
      for (const url of ['http://127.0.0.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::7f00:1]/', 'http://[64:ff9b::a00:1]/', 'http://[2002:a9fe:a9fe::1]/', 'http://169.254.169.254/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://0.0.0.0/']) {
        expect((await register(url)).status, url).toBe(400);
      }
      // Validation only: the endpoint is removed before anything could be sent to it.
      const created = await register('https://8.8.8.8/hook');
      expect(created.status).toBe(201);
      await p.f.prisma.webhookEndpoint.deleteMany({ where: { url: 'https://8.8.8.8/hook' } });
    });

    it('keeps a reviewer out of runs of submissions not assigned to them', async () => {
      const scene = await p.rf.reviewScene();
      await p.rf.assign(scene.submission.id, scene.reviewers[0].id);
      const run = await p.f.prisma.run.findFirstOrThrow({ where: { submissionId: scene.submission.id } });
      const assigned = await signIn(p.t.baseUrl, scene.reviewers[0].email, scene.reviewers[0].password);
      const other = await signIn(p.t.baseUrl, scene.reviewers[1].email, scene.reviewers[1].password);
      expect((await p.call('GET', `/api/runs/${run.id}`, { cookie: assigned })).status).toBe(200);
      expect((await p.call('GET', `/api/runs/${run.id}`, { cookie: other })).status).toBe(404);
    });

    it('ends a session opened with a link once the invitation is resent', async () => {
      const { client, scene, invitationId } = await p.candidate();
      const lead = await p.f.user(scene.org.id, 'HIRING_LEAD');
      const cookie = await signIn(p.t.baseUrl, lead.email, lead.password);
      expect((await client.call('GET', '/attempt')).status).toBe(200);
      const resent = await p.call('POST', `/api/assessments/${scene.assessment.id}/invitations/${invitationId}/resend`, { cookie });
      expect(resent.status).toBe(200);
      expect((await client.call('GET', '/attempt')).status).toBe(401);
    });

    it('ends sessions when the invitation is revoked, and a week after the attempt ends', async () => {
      const revoked = await p.candidate();
      const lead = await p.f.user(revoked.scene.org.id, 'HIRING_LEAD');
      const cookie = await signIn(p.t.baseUrl, lead.email, lead.password);
      expect((await p.call('POST', `/api/assessments/${revoked.scene.assessment.id}/invitations/${revoked.invitationId}/revoke`, { cookie })).status).toBe(200);
      expect((await revoked.client.call('GET', '/attempt')).status).toBe(401);

      const done = await p.candidate();
      expect((await done.client.call('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
      expect((await done.client.call('POST', '/submit')).status).toBe(200);
      const sessions = await p.f.prisma.candidateSession.findMany({ where: { invitationId: done.invitationId } });
      const weekFromNow = Date.now() + 7 * 86_400_000 + 60_000;
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.expiresAt.getTime() <= weekFromNow)).toBe(true);
    });
  });
});
