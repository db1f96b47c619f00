import { loadChallenge, packageFiles } from '@takehome/challenge';
import { challengeSummary, challengeVersionDetail, errorResponse, runView, savedChallengeVersion, verifyResponse } from '@takehome/contracts';
import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerProcess } from '../../../tests/support/worker-process';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const URL_SHORTENER = path.resolve(__dirname, '../../../challenges/url-shortener');

function zipOf(files: Record<string, string>, folder = ''): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [`${folder}${p}`, strToU8(c)]))));
}

describe('challenges (hiring leads)', () => {
  let t: TestApp;
  let factories: Factories;
  let files: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('challenges');
    factories = new Factories(t.config.DATABASE_URL);
    files = packageFiles(await loadChallenge(URL_SHORTENER));
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  async function lead(role: 'HIRING_LEAD' | 'REVIEWER' = 'HIRING_LEAD') {
    const org = await factories.organization();
    const user = await factories.user(org.id, role);
    const cookie = await signIn(t.baseUrl, user.email, user.password);
    const call = (method: string, url: string, body?: unknown, type = 'application/json') =>
      fetch(`${t.baseUrl}/api${url}`, {
        method,
        headers: { Cookie: cookie, 'Content-Type': type },
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
      });
    return { org, call, cookie };
  }

  it('imports a zipped challenge folder once per content, wrapped in a folder or not, as a body or a form', async () => {
    const { call, cookie } = await lead();
    const first = await call('POST', '/challenges/import', zipOf(files, 'url-shortener/'), 'application/zip');
    expect(first.status).toBe(201);
    const saved = savedChallengeVersion.parse(await first.json());
    const again = await call('POST', '/challenges/import', zipOf(files), 'application/zip');
    expect(again.status).toBe(200);
    expect(savedChallengeVersion.parse(await again.json())).toEqual({ ...saved, created: false });

    // Browsers upload a form; the same content that way is still the same version.
    const form = new FormData();
    form.append('file', new Blob([zipOf(files)], { type: 'application/zip' }), 'url-shortener.zip');
    const viaForm = await fetch(`${t.baseUrl}/api/challenges/import`, { method: 'POST', headers: { Cookie: cookie }, body: form });
    expect(viaForm.status).toBe(200);
    expect(savedChallengeVersion.parse(await viaForm.json()).versionId).toBe(saved.versionId);

    const list = challengeSummary.array().parse(await (await call('GET', '/challenges')).json());
    expect(list).toHaveLength(1);
    expect(list[0].versions).toHaveLength(1);
    const detail = challengeVersionDetail.parse(await (await call('GET', `/challenges/${saved.challengeId}/versions/${saved.versionId}`)).json());
    expect(detail.files['tests/hidden/create.test.mjs']).toBeDefined();
    expect(detail.rubric.criteria.length).toBeGreaterThanOrEqual(4);
    expect(detail.verification.status).toBe('unverified');
  });

  it('answers a broken package with 400 listing each located problem, and stores nothing', async () => {
    const { call } = await lead();
    const broken = { ...files, 'challenge.yaml': files['challenge.yaml'].replace('timeLimitMinutes: 150', 'timeLimitMinutes: lots') };
    delete broken['starter/python3/main.py'];
    const res = await call('POST', '/challenges/import', zipOf(broken), 'application/zip');
    expect(res.status).toBe(400);
    const body = errorResponse.parse(await res.json());
    expect(body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'challenge.yaml: timeLimitMinutes', message: expect.stringMatching(/line \d+/) })]),
    );
    expect(await (await call('GET', '/challenges')).json()).toEqual([]);
  });

  it('refuses zip-slip paths, symbolic links, garbage and oversized entries', async () => {
    const { call } = await lead();
    const slip = await call('POST', '/challenges/import', zipOf({ ...files, '../../etc/evil': 'x' }), 'application/zip');
    expect(slip.status).toBe(400);
    expect(JSON.stringify(await slip.json())).toContain('../../etc/evil');
    const link = Buffer.from(
      zipSync({ ...Object.fromEntries(Object.entries(files).map(([p, c]) => [p, strToU8(c)])), 'starter/node20/passwd': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] }),
    );
    const linked = await call('POST', '/challenges/import', link, 'application/zip');
    expect(linked.status).toBe(400);
    expect(errorResponse.parse(await linked.json()).message).toMatch(/symbolic links \(starter\/node20\/passwd\)/);
    const garbage = await call('POST', '/challenges/import', Buffer.from('not a zip at all'), 'application/zip');
    expect(garbage.status).toBe(400);
    const big = await call('POST', '/challenges/import', zipOf({ ...files, 'starter/node20/big.js': 'x'.repeat(300 * 1024) }), 'application/zip');
    expect(big.status).toBe(400);
    expect(errorResponse.parse(await big.json()).message).toMatch(/big\.js unpacks to more than/);
  });

  it('makes a new version from an edit and leaves the old one as it was', async () => {
    const { call } = await lead();
    const v1 = savedChallengeVersion.parse(await (await call('POST', '/challenges/import', zipOf(files), 'application/zip')).json());
    const edit = await call('POST', `/challenges/${v1.challengeId}/versions`, { baseVersionId: v1.versionId, prompt: '# Shorter prompt\n', timeLimitMinutes: 120 });
    expect(edit.status).toBe(201);
    const v2 = savedChallengeVersion.parse(await edit.json());
    expect(v2.version).toBe(2);
    const read = async (id: string) => challengeVersionDetail.parse(await (await call('GET', `/challenges/${v1.challengeId}/versions/${id}`)).json());
    expect(await read(v2.versionId)).toMatchObject({ prompt: '# Shorter prompt\n', timeLimitMinutes: 120 });
    expect(await read(v1.versionId)).toMatchObject({ prompt: files['prompt.md'], timeLimitMinutes: 150 });
    const invalid = await call('POST', `/challenges/${v1.challengeId}/versions`, { baseVersionId: v1.versionId, timeLimitMinutes: 5 });
    expect(invalid.status).toBe(400);
  });

  it('keeps organizations apart and reviewers out', async () => {
    const mine = await lead();
    const v1 = savedChallengeVersion.parse(await (await mine.call('POST', '/challenges/import', zipOf(files), 'application/zip')).json());
    const other = await lead();
    expect((await other.call('GET', `/challenges/${v1.challengeId}/versions/${v1.versionId}`)).status).toBe(404);
    expect((await other.call('POST', `/challenges/${v1.challengeId}/versions/${v1.versionId}/verify`)).status).toBe(404);
    expect((await other.call('POST', `/challenges/${v1.challengeId}/versions`, { baseVersionId: v1.versionId, prompt: 'mine now' })).status).toBe(404);
    const reviewer = await lead('REVIEWER');
    expect((await reviewer.call('GET', '/challenges')).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/challenges`)).status).toBe(401);
  });

  describe('verification through the queue', () => {
    let worker: WorkerProcess;
    beforeAll(async () => {
      worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    });
    afterAll(() => worker?.stop());

    it('runs every runtime’s reference solution and streams the runs to the lead', async () => {
      const { call } = await lead();
      // Narrowed to node20 and python3: compiling the other four in real sandboxes would outlast the test, and
      // the path under test (one run per runtime, streamed, verified) is the same for every runtime.
      const two = Object.fromEntries(
        Object.entries(files)
          .filter(([p]) => !/^(starter|solutions|mutants)\/(go|java17|cpp|ruby)\//.test(p))
          .map(([p, c]) => [p, p === 'challenge.yaml' ? c.replace(/^runtimes: \[.*\]$/m, 'runtimes: [node20, python3]') : c]),
      );
      const v1 = savedChallengeVersion.parse(await (await call('POST', '/challenges/import', zipOf(two), 'application/zip')).json());
      const started = await call('POST', `/challenges/${v1.challengeId}/versions/${v1.versionId}/verify`);
      expect(started.status).toBe(202);
      const { runIds } = verifyResponse.parse(await started.json());
      expect(runIds).toHaveLength(2);
      const stranger = await lead();
      expect((await stranger.call('GET', `/runs/${runIds[0]}`)).status).toBe(404);
      expect((await stranger.call('GET', `/runs/${runIds[0]}/events`)).status).toBe(404);

      const events = await (await call('GET', `/runs/${runIds[0]}/events`)).text(); // ends when the run finished
      expect(events).toMatch(/^event: snapshot/m);
      expect(events).toMatch(/^event: finished/m);
      const final = runView.parse((await (await call('GET', `/runs/${runIds[0]}`)).json()));
      expect(final).toMatchObject({ status: 'FINISHED', outcome: 'COMPLETED' });
      expect(final.score).toBe(final.maxScore);
      expect(final.tests.some((test) => test.visibility !== 'visible')).toBe(true);

      for (let i = 0; i < 120; i++) {
        const detail = challengeVersionDetail.parse(await (await call('GET', `/challenges/${v1.challengeId}/versions/${v1.versionId}`)).json());
        if (detail.verification.status !== 'running') {
          expect(detail.verification.status).toBe('verified');
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error('verification did not finish in 60 s');
      // Two real sandbox runs per runtime: on a shared, busy engine this outlasts the default 30 s.
    }, 120_000);
  });
});
