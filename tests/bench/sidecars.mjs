#!/usr/bin/env node
// Benchmark: what PostgreSQL + Redis sidecars add to a black-box run (issue 20: they must not double it).
// The same service and suite run (a) without sidecars, the service keeping its notes in memory, and (b) with
// takehome/postgres15 + takehome/redis7 sidecars, the service writing every note to PostgreSQL and counting in
// Redis. Whole DockerSandboxRunner.run() wall time, median of BENCH_SAMPLES (default 3, variants
// interleaved) after one warm-up each;
// also the sidecars' own "ready in" times from the progress messages. Prints numbers, asserts nothing.
// Usage (after `npx turbo run build` and docker/build-images.sh): node tests/bench/sidecars.mjs
// BENCH_TRACE=1 prints every progress message with its time since the run began.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { DockerSandboxRunner, createSandboxConfig } = require(path.join(ROOT, 'packages/sandbox'));
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3);

const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', scripts: { start: 'node server.js' } }),
  'server.js': `
const http = require('node:http');
const db = process.env.DATABASE_URL ? new (require('pg').Pool)({ connectionString: process.env.DATABASE_URL }) : null;
const redis = process.env.REDIS_URL ? new (require('ioredis'))(process.env.REDIS_URL) : null;
const memory = []; let hits = 0;
(async () => {
  if (db) await db.query('CREATE TABLE IF NOT EXISTS notes (id serial primary key, body text not null)');
  http.createServer(async (req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (req.method === 'POST') {
      let body = ''; for await (const c of req) body += c;
      if (db) await db.query('INSERT INTO notes (body) VALUES ($1)', [body]); else memory.push(body);
      res.statusCode = 201; return res.end();
    }
    const count = redis ? await redis.incr('hits') : ++hits;
    const n = db ? (await db.query('SELECT count(*)::int AS n FROM notes')).rows[0].n : memory.length;
    res.end(JSON.stringify({ n, count }));
  }).listen(Number(process.env.PORT), '0.0.0.0');
})();`,
};
const SUITE = {
  'bench.test.js': `
const { test } = require('node:test');
const assert = require('node:assert');
test('writes, restarts, reads', async () => {
  for (let i = 0; i < 50; i++) assert.strictEqual((await fetch(process.env.SERVICE_URL + '/notes', { method: 'POST', body: 'n' + i })).status, 201);
  await fetch(process.env.CONTROL_URL + '/restart', { method: 'POST' });
  const got = await (await fetch(process.env.SERVICE_URL + '/notes')).json();
  assert.ok(got.count >= 1);
});`,
};

const runner = new DockerSandboxRunner(createSandboxConfig(process.env));
let seq = 0;
function request(services) {
  return {
    runId: `bench-sc-${process.pid}-${++seq}`,
    runtime: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'] },
    mode: 'black-box', submissionFiles: SERVICE, testFiles: SUITE,
    testCommand: ['node', '--test', '--test-reporter=junit', '--test-reporter-destination=results/junit.xml'],
    reportFormat: 'junit', reportPath: 'results/junit.xml',
    service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 15_000 },
    limits: { timeoutMs: 60_000, memoryMb: 512, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 64 * 1024 },
    defaultVisibility: 'hidden',
    ...(services ? { services } : {}),
  };
}

async function sample(services) {
  const ready = {};
  const t0 = performance.now();
  let serviceStart = 0;
  const result = await runner.run(request(services), {
    onProgress: (p) => {
      const m = /^(\w+) ready in (\d+) ms/.exec(p.message);
      if (m) ready[m[1]] = Number(m[2]);
      if (p.phase === 'waiting_ready') serviceStart = performance.now() - t0;
      if (process.env.BENCH_TRACE) console.error(`  ${String(Math.round(performance.now() - t0)).padStart(6)} ms  ${p.phase}: ${p.message}`);
    },
  });
  const ms = performance.now() - t0;
  if (result.status !== 'completed' || result.score !== result.max_score) throw new Error(`run failed: ${result.status} ${result.output}`);
  return { ms, ready, serviceStart };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const variants = [
  ['no sidecars (notes in memory)', undefined],
  ['postgres15 + redis7 sidecars', { postgres: { testAccess: 'read-only' }, redis: {} }],
  ['postgres15 sidecar only', { postgres: {} }],
];
// Round robin, so load from anything else on the machine falls on every variant alike.
for (const [, services] of variants) await sample(services); // warm-up: page cache, image layers
const runs = variants.map(() => []);
for (let i = 0; i < SAMPLES; i++) {
  for (const [v, [name, services]] of variants.entries()) {
    runs[v].push(await sample(services));
    console.error('▸', name, Math.round(runs[v].at(-1).ms), 'ms');
  }
}
const rows = variants.map(([name], v) => {
  const row = { name, median: median(runs[v].map((r) => r.ms)), all: runs[v].map((r) => Math.round(r.ms)), serviceStart: median(runs[v].map((r) => r.serviceStart)) };
  for (const key of ['postgres', 'redis']) {
    const xs = runs[v].map((r) => r.ready[key]).filter((x) => x !== undefined);
    if (xs.length) row[`${key}Ready`] = median(xs);
  }
  return row;
});
const base = rows[0].median;
for (const r of rows) {
  const ready = ['postgres', 'redis'].filter((k) => r[`${k}Ready`] !== undefined).map((k) => `${k} ready ${r[`${k}Ready`]} ms`).join(', ');
  console.log(`${r.name.padEnd(32)} median ${Math.round(r.median)} ms  (x${(r.median / base).toFixed(2)})  [${r.all.join(', ')}]  service started at ${Math.round(r.serviceStart)} ms${ready ? `, ${ready}` : ''}`);
}
// With the database already running, the service would start when it does without sidecars: the difference in
// start times is what starting the sidecars costs; the rest of the difference is the database work itself.
for (const r of rows.slice(1)) {
  const startCost = r.serviceStart - rows[0].serviceStart;
  console.log(`${r.name}: starting the sidecars delays the service by ${Math.round(startCost)} ms; as if already running: ~${Math.round(r.median - startCost)} ms, sidecar start = x${(r.median / (r.median - startCost)).toFixed(2)} of that`);
}
