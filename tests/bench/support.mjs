// What the benchmarks share: the checkout's root, a migrated database of their own, and the built apps started as
// child processes (their logs at warn, kept in .data/bench/<name>.log so a failure under load can be read after).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgresql://takehome:takehome@127.0.0.1:55432/takehome';
const { Client } = require(require.resolve('pg', { paths: [path.join(ROOT, 'packages/db')] }));

export const log = (...args) => console.error('▸', ...args);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The share of the machine's CPU time the hypervisor gave to others (steal) since `stealSince()` was called: on a
 * shared VM the floors and the platform can run under different steal minutes apart, so every figure is printed
 * beside it. Linux only (/proc/stat); elsewhere null.
 */
export function stealSince() {
  const read = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
      return { steal: fields[7], total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const start = read();
  return () => {
    const end = read();
    return start && end && end.total > start.total ? (end.steal - start.steal) / (end.total - start.total) : null;
  };
}

/** A share from stealSince() as the benches print it. */
export const stealText = (share) => (share === null ? 'unknown' : `${(share * 100).toFixed(0)} %`);

/** Extra node flags for one of the apps a bench starts (a CPU profile: --cpu-prof --cpu-prof-dir=...). */
export const benchNodeArgs = (app) => process.env[`BENCH_${app}_NODE_ARGS`]?.split(' ').filter(Boolean) ?? [];

/** Database `name` on the project's PostgreSQL, dropped and created afresh, with every migration applied. */
export async function benchDatabase(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: new URL('/postgres', SERVER_URL).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const migrate = spawnSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  return url.toString();
}

const startedLogs = new Set();

/**
 * Starts the built app `main` (relative to ROOT) and resolves once `ready()` is true, polling every 250 ms. Its
 * log (stdout) goes to .data/bench/<benchmark>-<app>.log, emptied once per benchmark run (grading-api.log for
 * apps/api started by grading.mjs), so an error under load can be read afterwards.
 */
export async function startProcess(main, env, ready, { nodeArgs = [], timeoutMs = 60_000 } = {}) {
  const logFile = path.join(ROOT, '.data/bench', `${path.basename(process.argv[1], '.mjs')}-${main.split('/')[1]}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const first = !startedLogs.has(logFile);
  if (first) log(`${main}: its log is in ${path.relative(ROOT, logFile)}`);
  startedLogs.add(logFile);
  const out = openSync(logFile, first ? 'w' : 'a');
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, main)], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    if (child.exitCode !== null) throw new Error(`${main} exited with ${child.exitCode}`);
    if (await ready()) return child;
    await sleep(250);
  }
  child.kill();
  throw new Error(`${main} did not come up`);
}

export const stopProcess = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
