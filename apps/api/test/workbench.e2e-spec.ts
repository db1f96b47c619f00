import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const TESTS = path.resolve(__dirname, '../../../challenges/url-shortener/tests');
const suiteFiles = (suite: string) => readdirSync(path.join(TESTS, suite)).map((name) => ({ path: name, content: readFileSync(path.join(TESTS, suite, name), 'utf8') }));

describe('candidate workbench: own tests and the visible tests’ code', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('workbench');
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  async function started(runtime = 'node20', options: Parameters<CandidateFactories['scene']>[0] = {}) {
    const scene = await cf.scene(options);
    const { invitation, token } = await cf.invitation(scene, options);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    expect((await client.json('POST', '/attempt/start', { runtime })).status).toBe(200);
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    return { scene, client, attempt };
  }

  describe('own tests', () => {
    it('needs a candidate session', async () => {
      const anonymous = new CandidateClient(t.baseUrl);
      for (const [method, route] of [['GET', '/workbench/own-tests'], ['POST', '/workbench/own-tests'], ['GET', '/workbench/test-code']] as const) {
        expect((await anonymous.json(method, route)).status, `${method} ${route}`).toBe(401);
      }
    });

    it("queues a practice run of suite 'own' with the draft files, tells how to name tests, and lists it apart from visible runs", async () => {
      const { client, attempt } = await started('python3');
      const overview = await client.json('GET', '/workbench/own-tests');
      expect(overview.body).toEqual({ available: true, hint: expect.stringContaining('test_*.py'), runs: [] });
      await client.json('PUT', '/files', { path: 'test_main.py', content: 'import unittest\n', baseRevision: null });

      const created = await client.json('POST', '/workbench/own-tests');
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ suite: 'own', status: 'QUEUED', tests: [] });
      const run = await f.prisma.run.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(run).toMatchObject({ kind: 'PRACTICE', suite: 'own', attemptId: attempt.id, runtime: 'python3' });
      expect(run.files).toMatchObject({ 'test_main.py': 'import unittest\n' });

      // Read and streamed through the practice-run routes; listed under own tests only.
      expect((await client.json('GET', `/runs/${run.id}`)).body).toMatchObject({ id: run.id, suite: 'own' });
      expect((await client.json('GET', '/runs')).body).toEqual([]);
      expect((await client.json('GET', '/workbench/own-tests')).body.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
    });

    it('shares "one run at a time" with the visible suite but has its own hourly limit', async () => {
      const { client } = await started('node20', { practiceRunsPerHour: 1 });
      const visible = await client.json('POST', '/runs');
      expect(visible.status).toBe(201);
      const busy = await client.json('POST', '/workbench/own-tests');
      expect(busy.status).toBe(429);
      expect(busy.body.code).toBe('run_in_progress');
      await f.prisma.run.update({ where: { id: visible.body.id }, data: { status: 'FINISHED' } });
      const own = await client.json('POST', '/workbench/own-tests');
      expect(own.status).toBe(201);
      await f.prisma.run.update({ where: { id: own.body.id }, data: { status: 'FINISHED' } });
      const limited = await client.json('POST', '/workbench/own-tests');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('your own tests 1 times per hour') });
    });

    it('offers own tests in every runtime (go here), and refuses them before the start (409) and after submission (409)', async () => {
      const scene = await cf.scene();
      await f.prisma.assessment.update({ where: { id: scene.assessment.id }, data: { runtimes: ['node20', 'go'] } });
      const { token } = await cf.invitation(scene);
      const client = new CandidateClient(t.baseUrl);
      await client.open(token);
      const early = await client.json('POST', '/workbench/own-tests');
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('not_started');
      expect((await client.json('GET', '/workbench/own-tests')).body).toEqual({ available: false, hint: null, runs: [] });
      await client.json('POST', '/attempt/start', { runtime: 'go' });
      expect((await client.json('GET', '/workbench/own-tests')).body).toMatchObject({ available: true, hint: expect.stringContaining('go test') });

      const { client: done } = await started();
      expect((await done.json('POST', '/submit')).status).toBe(200);
      const late = await done.json('POST', '/workbench/own-tests');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('submitted');
    });

    it("never reaches another attempt's own-test runs", async () => {
      const a = await started();
      const b = await started();
      const ofB = await b.client.json('POST', '/workbench/own-tests');
      expect((await a.client.json('GET', `/runs/${ofB.body.id}`)).status).toBe(404);
      expect((await a.client.json('GET', '/workbench/own-tests')).body.runs).toEqual([]);
    });
  });

  describe("the visible tests' code", () => {
    it('returns the visible suite’s files, and nothing of the hidden suite', async () => {
      const { client } = await started();
      const res = await client.json('GET', '/workbench/test-code');
      expect(res.status).toBe(200);
      expect(res.body.available).toBe(true);
      expect(res.body.files).toEqual(suiteFiles('visible').sort((x, y) => x.path.localeCompare(y.path)));
      for (const hidden of suiteFiles('hidden').filter((h) => h.path.endsWith('.test.mjs'))) {
        expect(res.text).not.toContain(hidden.path);
        // A distinctive line of every hidden test file, as the browser would receive it.
        const line = hidden.content.split('\n').find((l) => l.includes('test(') && l.trim().length > 30)!.trim();
        expect(res.text).not.toContain(JSON.stringify(line).slice(1, -1));
      }
    });

    it('is not shown before the attempt starts', async () => {
      const scene = await cf.scene();
      const { token } = await cf.invitation(scene);
      const client = new CandidateClient(t.baseUrl);
      await client.open(token);
      expect((await client.json('GET', '/workbench/test-code')).body).toEqual({ available: false, reason: expect.stringContaining('Start') });
    });
  });
});
