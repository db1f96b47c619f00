#!/usr/bin/env node
// Benchmark: the hiring lead's pipeline at the size of a busy assessment.
//   1. importing a 1,000-row candidate CSV (validation, one transaction, 1,000 emails written, webhooks, audit);
//   2. reading the dashboard of those 1,000 rows, its CSV export and the analytics, 20 times each.
// Against the built API (apps/api/dist) and a fresh database; mail goes to files. Prints numbers, asserts nothing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { benchDatabase, log, ROOT, startProcess } from './support.mjs';

const require = createRequire(import.meta.url);
const { createPrismaClient } = require(path.join(ROOT, 'packages/db'));
const { seedDemo } = require(path.join(ROOT, 'apps/api/dist/seed/seed.js'));
const { DEMO_PASSWORD } = require(path.join(ROOT, 'apps/api/dist/seed/demo-data.js'));

const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const READS = Number(process.env.BENCH_READS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (n) => `${n.toFixed(0)} ms`;

function startApi(databaseUrl, mailDir) {
  const env = { DATABASE_URL: databaseUrl, PORT: String(PORT), MAIL_DIR: mailDir, RUN_REQUEUE_INTERVAL_MS: '0' };
  return startProcess('apps/api/dist/main.js', env, () => fetch(`${BASE}/health`).then((r) => r.ok, () => false));
}

async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function main() {
  const databaseUrl = await benchDatabase('takehome_bench_pipeline');
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  const { challenges } = await seedDemo(prisma);
  await prisma.$disconnect();
  const versionId = challenges.find((c) => c.slug === 'url-shortener').id;
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'bench-mail-'));
  const api = await startApi(databaseUrl, mailDir);
  try {
    const login = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'lead@demo.takehome.test', password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const call = (method, p, body, type = 'application/json') =>
      fetch(`${BASE}/api${p}`, { method, headers: { Cookie: cookie, ...(body ? { 'Content-Type': type } : {}) }, body: body && type === 'application/json' ? JSON.stringify(body) : body });
    const assessment = await (await call('POST', '/assessments', { challengeVersionId: versionId, name: 'Bench' })).json();
    await call('POST', `/assessments/${assessment.id}/transition`, { to: 'LIVE' });

    const csv = ['name,email,accommodation_minutes', ...Array.from({ length: ROWS }, (_, i) => `Candidate ${i},candidate${i}@bench.test,${i % 10 === 0 ? 30 : ''}`)].join('\n');
    log(`importing ${ROWS} candidates from a CSV`);
    const imported = await timed(async () => (await call('POST', `/assessments/${assessment.id}/invitations/import`, csv, 'text/csv')).json());
    const mails = readdirSync(mailDir).length;
    console.log(`CSV import of ${ROWS} rows: ${ms(imported.ms)} (${imported.result.imported.length} invited, ${imported.result.problems.length} problems, ${mails} emails written)`);

    for (const [label, p] of [['dashboard', '/invitations'], ['CSV export', '/invitations/export.csv'], ['analytics', '/analytics']]) {
      const times = [];
      for (let i = 0; i < READS; i++) times.push((await timed(async () => (await call('GET', `/assessments/${assessment.id}${p}`)).text())).ms);
      console.log(`${label} of ${ROWS} rows: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} over ${READS} reads`);
    }
  } finally {
    api.kill();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  },
);
