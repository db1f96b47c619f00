import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// A measurement, not a check: run it with TAKEHOME_BENCH=1 to print the median time one autosave costs
// against a booted app (sequential saves over loopback, so the number is the server's work plus one round trip).
const SAVES = Number(process.env.TAKEHOME_BENCH_SAVES ?? 500);

describe.skipIf(!process.env.TAKEHOME_BENCH)('autosave cost', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp('autosave');
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it(`measures ${SAVES} sequential saves`, async () => {
    const cf = new CandidateFactories(f);
    const scene = await cf.scene();
    const { token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    await client.open(token);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    let revision = (await client.json('PUT', '/files', { path: 'notes.md', content: 'x', baseRevision: null })).body.revision as number;
    for (let i = 0; i < 20; i++) revision = (await client.json('PUT', '/files', { path: 'notes.md', content: `warm ${i}`, baseRevision: revision })).body.revision;
    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      const res = await client.json('PUT', '/files', { path: 'notes.md', content: `save ${i} ${'x'.repeat(2000)}`, baseRevision: revision });
      times.push(performance.now() - started);
      expect(res.status).toBe(200);
      revision = res.body.revision;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(2);
    console.log(`autosave: ${SAVES} saves, median ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms`);
  }, 120_000);
});
