#!/usr/bin/env node
// Benchmark: the hiring lead's pipeline at the size of a busy assessment.
//   1. importing a 1,000-row candidate CSV (validation, one transaction, 1,000 emails written, webhooks, audit);
//   2. reading the dashboard of those 1,000 rows, its CSV export and the analytics, 20 times each.
// Against the built API (apps/api/dist) and a fresh database; mail goes to files. Prints numbers, asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createPrismaClient } = require(path.join(ROOT, 'packages/db'));
const { seedDemo } = require(path.join(ROOT, 'apps/api/dist/seed/seed.js'));
const { DEMO_PASSWORD } = require(path.join(ROOT, 'apps/api/dist/seed/demo-data.js'));
const { Client } = require(require.resolve('pg', { paths: [path.join(ROOT, 'packages/db')] }));

const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const READS = Number(process.env.BENCH_READS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://takehome:takehome@127.0.0.1:55432/takehome';
const BASE = `http://127.0.0.1:${PORT}`;

const log = (...args) => console.error('▸', ...args);
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (n) => `${n.toFixed(0)} ms`;

async function benchDatabase() {
  const url = new URL(SERVER_URL);
  url.pathname = '/takehome_bench_pipeline';
  const admin = new Client({ connectionString: new URL('/postgres', SERVER_URL).toString() });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS takehome_bench_pipeline WITH (FORCE)');
  await admin.query('CREATE DATABASE takehome_bench_pipeline');
  await admin.end();
  const migrate = spawnSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  return url.toString();
}

async function startApi(databaseUrl, mailDir) {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), MAIL_DIR: mailDir, RUN_REQUEUE_INTERVAL_MS: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('the API did not come up');
}

async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function main() {
  const databaseUrl = await benchDatabase();
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
