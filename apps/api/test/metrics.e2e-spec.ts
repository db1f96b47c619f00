import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

/** Reads one sample's value from a Prometheus text exposition, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operators: /metrics and the queue dashboard', () => {
  let t: TestApp;
  let factories: Factories;
  let adminCookie: string;
  let reviewerCookie: string;

  beforeAll(async () => {
    t = await startTestApp('metrics', { METRICS_TOKEN });
    factories = new Factories(t.config.DATABASE_URL);
    const org = await factories.organization();
    const admin = await factories.user(org.id, 'ADMIN');
    const reviewer = await factories.user(org.id, 'REVIEWER');
    adminCookie = await signIn(t.baseUrl, admin.email, admin.password);
    reviewerCookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const scrape = (headers: Record<string, string> = {}) => fetch(`${t.baseUrl}/metrics`, { headers });

  it('refuses anonymous callers, a wrong token and non-admins; serves the scraper token and admins', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ Authorization: 'Bearer not-the-token-at-all-000000' })).status).toBe(401);
    expect((await scrape({ Cookie: reviewerCookie })).status).toBe(403);
    const byToken = await scrape({ Authorization: `Bearer ${METRICS_TOKEN}` });
    expect(byToken.status).toBe(200);
    expect(byToken.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await scrape({ Cookie: adminCookie })).status).toBe(200);
  });

  it('reports queue depth per queue and state, read from Redis at scrape time', async () => {
    const text = await (await scrape({ Authorization: `Bearer ${METRICS_TOKEN}` })).text();
    for (const queue of ['grading', 'practice', 'verification']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(sample(text, `takehome_queue_jobs{queue="${queue}",state="${state}"}`)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('times requests by route pattern, never by raw path, and counts autosaves by outcome', async () => {
    const candidates = new CandidateFactories(factories);
    const scene = await candidates.scene();
    const { token } = await candidates.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    await client.open(token);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    const before = await (await scrape({ Authorization: `Bearer ${METRICS_TOKEN}` })).text();
    const saved = (outcome: string, text: string) => sample(text, `takehome_autosave_duration_seconds_count{outcome="${outcome}"}`) ?? 0;

    expect((await client.json('PUT', '/files', { path: 'notes.md', content: 'one', baseRevision: null })).status).toBe(200);
    expect((await client.json('PUT', '/files', { path: 'notes.md', content: 'two', baseRevision: 1 })).status).toBe(200);
    expect((await client.json('PUT', '/files', { path: '../escape', content: 'x', baseRevision: null })).status).toBe(400);
    await fetch(`${t.baseUrl}/api/assessments/00000000-0000-4000-8000-000000000000`, { headers: { Cookie: adminCookie } });

    const after = await (await scrape({ Authorization: `Bearer ${METRICS_TOKEN}` })).text();
    expect(saved('saved', after) - saved('saved', before)).toBe(2);
    expect(saved('refused', after) - saved('refused', before)).toBe(1);
    expect(after).toContain('takehome_http_request_duration_seconds_count{method="GET",route="/api/assessments/:id",status="404"}');
    expect(after).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(after).toContain('takehome_api_process_cpu_seconds_total');
  });

  it('shows the queue dashboard to admins only, read-only', async () => {
    const anonymous = await fetch(`${t.baseUrl}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    expect((await fetch(`${t.baseUrl}/admin/queues`, { headers: { Cookie: reviewerCookie } })).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/admin/queues/api/queues`, { headers: { Cookie: reviewerCookie } })).status).toBe(403);
    // The scraper token opens /metrics only, never the dashboard.
    expect((await fetch(`${t.baseUrl}/admin/queues`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` }, redirect: 'manual' })).status).toBe(302);

    const page = await fetch(`${t.baseUrl}/admin/queues`, { headers: { Cookie: adminCookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Takehome queues');
    const api = await fetch(`${t.baseUrl}/admin/queues/api/queues`, { headers: { Cookie: adminCookie } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['grading', 'practice', 'verification']);
    expect(body.queues.every((q) => q.readOnlyMode)).toBe(true);
  });
});
