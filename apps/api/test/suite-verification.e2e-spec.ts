import { loadChallenge, packageFiles } from '@takehome/challenge';
import { challengeSummary, errorResponse, latestSuiteVerification, savedChallengeVersion, type SuiteVerificationView, suiteVerificationView } from '@takehome/contracts';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerProcess } from '../../../tests/support/worker-process';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const URL_SHORTENER = path.resolve(__dirname, '../../../challenges/url-shortener');
const zipOf = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [p, strToU8(c)]))));

describe('suite verification on the server (reference and mutants, N runs)', () => {
  let t: TestApp;
  let factories: Factories;
  let worker: WorkerProcess;
  let files: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('suite-verification');
    factories = new Factories(t.config.DATABASE_URL);
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    // node20 only (the path under test is the same for every runtime), with one real mutant the hidden suite
    // kills, and one that changes nothing a test can see: it must be reported as a survivor, not as killed.
    const mutant = (name: string) => ['mutant.yaml', 'mutant.patch'].map((f) => [`mutants/node20/redirect-301/${f}`, readFileSync(path.join(URL_SHORTENER, 'mutants/node20', name, f), 'utf8')]);
    files = {
      ...Object.fromEntries(
        Object.entries(packageFiles(await loadChallenge(URL_SHORTENER)))
          .filter(([p]) => !/^(starter|solutions)\/(?!node20\/)/.test(p))
          .map(([p, c]) => [p, p === 'challenge.yaml' ? c.replace(/^runtimes: \[.*\]$/m, 'runtimes: [node20]') : c]),
      ),
      ...Object.fromEntries(mutant('redirect-301')),
      'mutants/node20/comment-only/mutant.yaml': 'models: "A harmless comment: no test can catch it."\ntargets: "nothing (a survivor on purpose)"\n',
      'mutants/node20/comment-only/NOTES.md': 'Nothing here changes behaviour.\n',
    };
  });
  afterAll(async () => {
    await worker?.stop();
    await factories?.close();
    await t?.close();
  });

  async function lead() {
    const org = await factories.organization();
    const user = await factories.user(org.id, 'HIRING_LEAD');
    const cookie = await signIn(t.baseUrl, user.email, user.password);
    const call = (method: string, url: string, body?: unknown, type = 'application/json') =>
      fetch(`${t.baseUrl}/api${url}`, {
        method,
        headers: { Cookie: cookie, 'Content-Type': type },
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
      });
    return { org, user, call };
  }

  it('runs the reference and every mutant, shows progress with a measured estimate, then kill rates; scoped and audited', async () => {
    const { org, user, call } = await lead();
    const v = savedChallengeVersion.parse(await (await call('POST', '/challenges/import', zipOf(files), 'application/zip')).json());
    const base = `/challenges/${v.challengeId}/versions/${v.versionId}/suite-verifications`;
    expect(latestSuiteVerification.parse(await (await call('GET', `${base}/latest`)).json()).verification).toBeNull();

    const started = await call('POST', base, { runs: 1 });
    expect(started.status).toBe(202);
    const view = suiteVerificationView.parse(await started.json());
    // Reference through both suites plus two mutants through the hidden one, once each.
    expect(view).toMatchObject({ status: 'QUEUED', runsPerSubject: 1, runtimes: ['node20'], totalRuns: 4, doneRuns: 0, estimate: null, proven: null });
    expect((await call('POST', base, { runs: 1 })).status).toBe(409); // one at a time per version

    const stranger = await lead();
    expect((await stranger.call('GET', `${base}/latest`)).status).toBe(404);
    expect((await stranger.call('POST', base, { runs: 1 })).status).toBe(404);

    let midway: SuiteVerificationView | undefined;
    let last: SuiteVerificationView | null = null;
    for (let i = 0; i < 600; i++) {
      last = latestSuiteVerification.parse(await (await call('GET', `${base}/latest`)).json()).verification;
      if (last && last.status === 'RUNNING' && last.doneRuns > 0 && last.doneRuns < last.totalRuns) midway ??= last;
      if (last && (last.status === 'FINISHED' || last.status === 'FAILED')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(last?.status, last?.error ?? '').toBe('FINISHED');
    expect(midway, 'progress was seen between the first and the last run').toBeDefined();
    expect(midway!.estimate!.perRunMs).toBeGreaterThan(0);
    expect(midway!.estimate!.remainingMs).toBe(midway!.estimate!.perRunMs * (midway!.totalRuns - midway!.doneRuns));
    expect(last).toMatchObject({ doneRuns: 4, proven: false, estimate: { remainingMs: 0 } });

    const [node] = last!.result!.runtimes;
    expect(node!.runtime).toBe('node20');
    expect(node!.reference.map((s) => [s.suite, s.passedRuns, s.failingTests, s.flakyTests])).toEqual([
      ['visible', 1, [], []],
      ['hidden', 1, [], []],
    ]);
    expect(node!.killRate).toEqual({ killed: 1, total: 2 });
    const byName = Object.fromEntries(node!.mutants.map((m) => [m.name, m]));
    expect(byName['redirect-301']).toMatchObject({ verdict: 'killed', caught: 1, runs: 1 });
    expect(byName['redirect-301']!.caughtBy.length).toBeGreaterThan(0);
    expect(byName['comment-only']).toMatchObject({ verdict: 'survived', caught: 0, caughtBy: [] });

    // The list says the version's suites are not proven (a survivor), which is what the assessment picker warns on.
    const list = challengeSummary.array().parse(await (await call('GET', '/challenges')).json());
    expect(list.find((c) => c.id === v.challengeId)!.versions[0]!.suiteProven).toBe(false);

    const audit = await factories.prisma.auditEvent.findMany({ where: { organizationId: org.id, action: 'challenge.suite_verification_started' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, subjectId: v.challengeId });
    expect(audit[0]!.data).toMatchObject({ suiteVerificationId: view.id, runs: 1, totalRuns: 4 });
  }, 240_000);

  it('refuses bad input with a 4xx naming the field', async () => {
    const { call } = await lead();
    const v = savedChallengeVersion.parse(await (await call('POST', '/challenges/import', zipOf(files), 'application/zip')).json());
    const base = `/challenges/${v.challengeId}/versions/${v.versionId}/suite-verifications`;
    const expect400 = async (body: unknown, field: string) => {
      const res = await call('POST', base, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = errorResponse.parse(await res.json());
      expect(error.issues?.map((i) => i.path)).toContain(field);
    };
    await expect400({ runs: 0 }, 'runs');
    await expect400({ runs: 11 }, 'runs');
    await expect400({ runs: 'three' }, 'runs');
    await expect400({ runs: 1, runtimes: ['cobol'] }, 'runtimes');
    await expect400({ runs: 1, runtimes: [] }, 'runtimes');
    await expect400({ runs: 1, extra: true }, '(body)');
    expect((await call('POST', `/challenges/${v.challengeId}/versions/not-a-uuid/suite-verifications`, { runs: 1 })).status).toBe(400);
    expect((await call('GET', `/challenges/${v.challengeId}/versions/${crypto.randomUUID()}/suite-verifications/latest`)).status).toBe(404);
    // Nothing was queued by any of them.
    expect(latestSuiteVerification.parse(await (await call('GET', `${base}/latest`)).json()).verification).toBeNull();
  });

  it('keeps mutant code out of the version view, and an edited version keeps its base version’s mutants', async () => {
    const { call } = await lead();
    const v = savedChallengeVersion.parse(await (await call('POST', '/challenges/import', zipOf(files), 'application/zip')).json());
    const detail = await (await call('GET', `/challenges/${v.challengeId}/versions/${v.versionId}`)).text();
    expect(detail).toContain('comment-only'); // the names, so the page can say what will run
    expect(detail).not.toContain('Nothing here changes behaviour.');
    const edited = savedChallengeVersion.parse(await (await call('POST', `/challenges/${v.challengeId}/versions`, { baseVersionId: v.versionId, timeLimitMinutes: 90 })).json());
    expect(edited.versionId).not.toBe(v.versionId);
    const stored = await factories.prisma.challengeVersion.findUniqueOrThrow({ where: { id: edited.versionId }, select: { mutants: true, mutantSources: true } });
    expect(stored.mutants).toEqual({ node20: ['comment-only', 'redirect-301'] });
    expect((stored.mutantSources as { name: string }[]).map((m) => m.name)).toEqual(['comment-only', 'redirect-301']);
  });
});
