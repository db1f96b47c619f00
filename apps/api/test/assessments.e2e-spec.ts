import { loadChallenge, versionRecord } from '@takehome/challenge';
import { assessmentView, errorResponse } from '@takehome/contracts';
import { saveChallengeVersion } from '@takehome/db';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const URL_SHORTENER = path.resolve(__dirname, '../../../challenges/url-shortener');

describe('assessments', () => {
  let t: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    t = await startTestApp('assessments');
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  async function leadWithChallenge() {
    const org = await factories.organization();
    const lead = await factories.user(org.id, 'HIRING_LEAD');
    const version = await saveChallengeVersion(factories.prisma, { organizationId: org.id, ...versionRecord(await loadChallenge(URL_SHORTENER)) });
    const cookie = await signIn(t.baseUrl, lead.email, lead.password);
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${t.baseUrl}/api${url}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { org, versionId: version.id, call };
  }

  it('creates a draft with the challenge version’s limit and runtimes unless told otherwise', async () => {
    const { versionId, call } = await leadWithChallenge();
    const res = await call('POST', '/assessments', { challengeVersionId: versionId, name: 'Backend engineer' });
    expect(res.status).toBe(201);
    const created = assessmentView.parse(await res.json());
    expect(created).toMatchObject({ status: 'DRAFT', timeLimitMinutes: 150, runtimes: ['node20', 'python3', 'go', 'java17', 'cpp', 'ruby'], challenge: { versionId, version: 1 } });
    const custom = assessmentView.parse(
      await (await call('POST', '/assessments', { challengeVersionId: versionId, name: 'Python only', timeLimitMinutes: 120, runtimes: ['python3'] })).json(),
    );
    expect(custom).toMatchObject({ timeLimitMinutes: 120, runtimes: ['python3'] });
  });

  it('keeps the candidate terminal off unless the lead turns it on, and refuses a non-boolean', async () => {
    const { versionId, call } = await leadWithChallenge();
    const created = assessmentView.parse(await (await call('POST', '/assessments', { challengeVersionId: versionId, name: 'Terminal' })).json());
    expect(created.terminalEnabled).toBe(false);
    const bad = await call('PATCH', `/assessments/${created.id}`, { terminalEnabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(errorResponse.parse(await bad.json()).issues?.[0]?.path).toBe('terminalEnabled');
    const on = await call('PATCH', `/assessments/${created.id}`, { terminalEnabled: true });
    expect(assessmentView.parse(await on.json()).terminalEnabled).toBe(true);
  });

  it('refuses runtimes the challenge does not support, and versions of other organizations', async () => {
    const mine = await leadWithChallenge();
    const theirs = await leadWithChallenge();
    const badRuntime = await mine.call('POST', '/assessments', { challengeVersionId: mine.versionId, name: 'x', runtimes: ['ruby', 'cobol'] });
    expect(badRuntime.status).toBe(400);
    expect(errorResponse.parse(await badRuntime.json()).issues).toEqual([
      { path: 'runtimes', message: 'the challenge supports node20, python3, go, java17, cpp, ruby, not cobol' },
    ]);
    const foreign = await mine.call('POST', '/assessments', { challengeVersionId: theirs.versionId, name: 'x' });
    expect(foreign.status).toBe(400);
    expect(errorResponse.parse(await foreign.json()).message).toBe('challengeVersionId: no such challenge version');
  });

  it('goes draft -> pilot -> live -> closed, and no other way', async () => {
    const { versionId, call } = await leadWithChallenge();
    const { id } = assessmentView.parse(await (await call('POST', '/assessments', { challengeVersionId: versionId, name: 'Lifecycle' })).json());
    expect((await call('POST', `/assessments/${id}/transition`, { to: 'PILOT' })).status).toBe(200);
    expect((await call('PATCH', `/assessments/${id}`, { timeLimitMinutes: 180 })).status).toBe(200);
    const live = assessmentView.parse(await (await call('POST', `/assessments/${id}/transition`, { to: 'LIVE' })).json());
    expect(live).toMatchObject({ status: 'LIVE', timeLimitMinutes: 180 });
    expect(live.launchedAt).not.toBeNull();

    const back = await call('POST', `/assessments/${id}/transition`, { to: 'PILOT' });
    expect(back.status).toBe(409);
    expect(errorResponse.parse(await back.json()).message).toBe('An assessment cannot go from live to pilot.');
    const edit = await call('PATCH', `/assessments/${id}`, { timeLimitMinutes: 60 });
    expect(edit.status).toBe(409);
    expect(assessmentView.parse(await (await call('GET', `/assessments/${id}`)).json()).timeLimitMinutes).toBe(180);

    const closed = assessmentView.parse(await (await call('POST', `/assessments/${id}/transition`, { to: 'CLOSED' })).json());
    expect(closed.closedAt).not.toBeNull();
  });

  it('keeps each organization to its own assessments, and reviewers out', async () => {
    const mine = await leadWithChallenge();
    const other = await leadWithChallenge();
    const { id } = assessmentView.parse(await (await mine.call('POST', '/assessments', { challengeVersionId: mine.versionId, name: 'Private' })).json());
    expect((await other.call('GET', `/assessments/${id}`)).status).toBe(404);
    expect((await other.call('PATCH', `/assessments/${id}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await other.call('POST', `/assessments/${id}/transition`, { to: 'LIVE' })).status).toBe(404);
    expect(await (await other.call('GET', '/assessments')).json()).toEqual([]);

    const reviewer = await factories.user(mine.org.id, 'REVIEWER');
    const cookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
    expect((await fetch(`${t.baseUrl}/api/assessments`, { headers: { Cookie: cookie } })).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/assessments`)).status).toBe(401);
    expect(assessmentView.parse(await (await mine.call('GET', `/assessments/${id}`)).json())).toMatchObject({ name: 'Private', status: 'DRAFT' });
  });
});
