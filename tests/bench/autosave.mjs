#!/usr/bin/env node
// Benchmark: autosave at the size of a hiring day, against the built API (apps/api/dist) with a worker running.
//   1. steady: N candidates (200) each typing in the starter's server.js, saved about once a second: latency p50/p99;
//   2. capacity: C candidates saving back to back, as fast as answers come: sustained saves per second;
//   3. nothing lost: every candidate's workspace holds exactly its last acknowledged save;
//   4. new files: every candidate creates a file in the same second (the save that takes the long way round).
// Each is measured with the API as 1 process and as one process per core (API_PROCESSES). Every request comes from
// 127.0.0.1 here, so the per-address rate limits are lifted (RATE_LIMIT_MULTIPLIER); real candidates have their
// own addresses. Prints the figures beside the targets and writes them to .data/bench/autosave.json.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { benchDatabase, benchNodeArgs, log, ROOT, sleep, startProcess, stealSince, stealText, stopProcess } from './support.mjs';

const require = createRequire(import.meta.url);
const { createPrismaClient } = require(path.join(ROOT, 'packages/db'));
const { importBuiltInChallenges } = require(path.join(ROOT, 'apps/api/dist/seed/seed.js'));
const { hashToken, randomToken } = require(path.join(ROOT, 'apps/api/dist/common/tokens.js'));

const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 200);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CAPACITY_CLIENTS = Number(process.env.BENCH_CAPACITY_CLIENTS ?? 64);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3918);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:56379';
const BASE = `http://127.0.0.1:${PORT}`;
const CORES = os.cpus().length;
// Which API process counts to measure (default: 1 and one per core).
const PROCESS_COUNTS = process.env.BENCH_API_PROCESSES?.split(',').map(Number) ?? [...new Set([1, Math.min(CORES, 4)])];
const OUT = path.join(ROOT, '.data/bench/autosave.json');

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))];
// About what an editor's file holds: a couple of KB of code.
const body = (who, n) => `// ${who}, save ${n}\n${'const value = compute(input);\n'.repeat(70)}`;

/** One organization, one live assessment, and an invitation link per candidate. */
async function seed(databaseUrl) {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  const org = await prisma.organization.create({ data: { slug: `bench-autosave-${randomUUID().slice(0, 8)}`, name: 'Bench' } });
  const version = (await importBuiltInChallenges(prisma, org.id)).find((c) => c.slug === 'url-shortener');
  const assessment = await prisma.assessment.create({
    data: { organizationId: org.id, challengeVersionId: version.id, name: 'Hiring day', status: 'LIVE', timeLimitMinutes: 180, runtimes: ['node20'], launchedAt: new Date() },
  });
  const tokens = Array.from({ length: CANDIDATES }, () => randomToken());
  await prisma.invitation.createMany({
    data: tokens.map((token, i) => ({
      organizationId: org.id, assessmentId: assessment.id, candidateName: `Candidate ${i}`, candidateEmail: `candidate${i}@bench.test`,
      pseudonym: `Candidate B${i}`, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000),
    })),
  });
  await prisma.$disconnect();
  return tokens;
}

/**
 * The client shares the 2 cores with what it measures, so it is kept lean: node:http over keep-alive sockets
 * (fetch's streams cost several times more CPU per request), and its own CPU time is reported beside the figures.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
/**
 * A kept-alive socket the API closes just as a request goes out answers ECONNRESET; like a browser, the client
 * sends the request again once on a fresh socket (Node's documented pattern, `req.reusedSocket`).
 */
function request(method, p, options = {}, retried = false) {
  const { headers = {}, payload } = options;
  const data = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${BASE}${p}`,
      { method, agent, headers: { ...headers, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, headers: res.headers, text: async () => text, json: async () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) => (!retried && req.reusedSocket && error.code === 'ECONNRESET' ? request(method, p, options, true).then(resolve, reject) : reject(error)));
    req.end(data);
  });
}

// The file every candidate types in: one the workspace already holds, as an editor's saves mostly are.
const FILE = 'server.js';

/**
 * A candidate as the editor behaves: one session cookie, typing in the starter's server.js, each save based on
 * the revision the last one returned.
 */
class Candidate {
  constructor(name) {
    this.name = name;
    this.cookie = '';
    this.revision = null;
    this.saves = 0;
    this.lastAcked = null;
  }
  async open(token, tries = 5) {
    try {
      await this.openOnce(token);
    } catch (error) {
      if (tries <= 1) throw error;
      await sleep(1000);
      await this.open(token, tries - 1);
    }
  }
  async openOnce(token) {
    const res = await request('POST', '/api/candidate/sessions', { payload: { token } });
    if (!res.ok) throw new Error(`session: ${res.status} ${await res.text()}`);
    this.cookie = res.headers['set-cookie'][0].split(';')[0];
    const started = await this.call('POST', '/attempt/start', { runtime: 'node20' });
    if (!started.ok && started.status !== 409) throw new Error(`start: ${started.status} ${await started.text()}`);
    const workspace = await this.call('GET', '/workspace');
    this.revision = (await workspace.json()).files.find((f) => f.path === FILE)?.revision ?? null;
    if (this.revision === null) throw new Error(`the workspace holds no ${FILE}`);
  }
  call(method, p, payload) {
    return request(method, `/api/candidate${p}`, { headers: { Cookie: this.cookie }, payload });
  }
  /** Returns the save's latency in ms; throws on anything but 200, which the benchmark counts as an error. */
  async save() {
    const content = body(this.name, ++this.saves);
    const started = performance.now();
    const res = await this.call('PUT', '/files', { path: FILE, content, baseRevision: this.revision });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`save answered ${res.status}: ${await res.text()}`);
    this.revision = (await res.json()).revision;
    this.lastAcked = content;
    return ms;
  }
  async stored() {
    const res = await this.call('GET', '/workspace');
    return (await res.json()).files.find((f) => f.path === FILE)?.content;
  }
  /** A new file (baseRevision null): the save that is not the everyday one. */
  async create() {
    const started = performance.now();
    const res = await this.call('PUT', '/files', { path: 'notes.md', content: `# ${this.name}\n`, baseRevision: null });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    return ms;
  }
}

/**
 * CPU seconds so far of the API's processes and of the bench database's PostgreSQL backends (from /proc), so a
 * phase's server cost per save can be read even when other work shares the machine and its clock times drift.
 */
const TICK = 100; // USER_HZ on Linux
function serverCpu() {
  const api = { seconds: 0 };
  const db = { seconds: 0 };
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const into = cmd.includes(path.join(ROOT, 'apps/api/dist/main.js')) ? api : cmd.startsWith('postgres:') && cmd.includes('takehome_bench_autosave') ? db : null;
      if (!into) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      into.seconds += (Number(fields[11]) + Number(fields[12])) / TICK;
    } catch {
      // The process ended meanwhile.
    }
  }
  return { api: api.seconds, db: db.seconds };
}
const perSave = (before, after, saves) => ({ apiCpuMs: ((after.api - before.api) * 1000) / saves, dbCpuMs: ((after.db - before.db) * 1000) / saves });
/** Why saves failed, by answer, so an error count can be read. */
const errorKinds = {};
const countError = (error) => {
  const key = String(error?.message ?? error).slice(0, 80);
  errorKinds[key] = (errorKinds[key] ?? 0) + 1;
};

/** The bench client's own CPU over a phase, in cores (1 = one core busy the whole time). */
const cpuShare = (usage, wallSeconds) => (usage.user + usage.system) / 1e6 / wallSeconds;

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Every candidate saves about once a second (not in lockstep) for `seconds`; each save's latency goes to onSaved. */
async function typeOncePerSecond(candidates, seconds, onSaved, onError) {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    candidates.map(async (c) => {
      await sleep(Math.random() * 1000); // candidates do not type in lockstep
      while (Date.now() < until) {
        const tick = Date.now();
        const startedAt = performance.now();
        try {
          onSaved(await c.save(), startedAt);
        } catch (error) {
          onError(error);
        }
        await sleep(Math.max(0, 1000 - (Date.now() - tick)));
      }
    }),
  );
}

async function measure(processes, tokens) {
  log(`API with ${processes} process(es): opening ${CANDIDATES} candidate sessions`);
  const candidates = tokens.map((_, i) => new Candidate(`candidate ${i}`));
  await inBatches(candidates, 20, (c) => c.open(tokens[candidates.indexOf(c)]));

  // The API was just started: its save path is not yet compiled and its pools are cold, which a server that has
  // been up all morning is not. The same load runs unmeasured first.
  log(`warm-up: ${CANDIDATES} candidates saving about once a second for ${WARMUP_SECONDS} s (not measured)`);
  let errors = 0;
  for (const key of Object.keys(errorKinds)) delete errorKinds[key];
  const onError = (error) => {
    errors++;
    countError(error);
  };
  await typeOncePerSecond(candidates, WARMUP_SECONDS, () => {}, onError);

  log(`steady: ${CANDIDATES} candidates saving about once a second for ${STEADY_SECONDS} s`);
  const latencies = [];
  const bySecond = [];
  const steadyStart = performance.now();
  const steadyCpu = process.cpuUsage();
  const steadyServer = serverCpu();
  await typeOncePerSecond(candidates, STEADY_SECONDS, (ms, startedAt) => {
    latencies.push(ms);
    (bySecond[Math.floor((startedAt - steadyStart) / 1000)] ??= []).push(ms);
  }, onError);
  const steadyWall = (performance.now() - steadyStart) / 1000;
  const steadyRate = latencies.length / steadyWall;
  const steadyClientCpu = cpuShare(process.cpuUsage(steadyCpu), steadyWall);
  const steadyCost = perSave(steadyServer, serverCpu(), latencies.length);

  log(`capacity: ${CAPACITY_CLIENTS} candidates saving back to back for ${CAPACITY_SECONDS} s`);
  let capacitySaves = 0;
  const capacityLatencies = [];
  const capacityUntil = Date.now() + CAPACITY_SECONDS * 1000;
  const capacityStart = performance.now();
  const capacityCpu = process.cpuUsage();
  const capacityServer = serverCpu();
  await Promise.all(
    candidates.slice(0, CAPACITY_CLIENTS).map(async (c) => {
      while (Date.now() < capacityUntil) {
        try {
          capacityLatencies.push(await c.save());
          capacitySaves++;
        } catch (error) {
          onError(error);
        }
      }
    }),
  );
  const capacityWall = (performance.now() - capacityStart) / 1000;
  const capacityRate = capacitySaves / capacityWall;
  const capacityClientCpu = cpuShare(process.cpuUsage(capacityCpu), capacityWall);
  const capacityCost = perSave(capacityServer, serverCpu(), capacitySaves);

  log('checking every workspace holds its last acknowledged save');
  let lost = 0;
  await inBatches(candidates, 20, async (c) => {
    if ((await c.stored()) !== c.lastAcked) lost++;
  });

  log(`new files: ${CANDIDATES} candidates each creating a file within the same second`);
  const createLatencies = [];
  await Promise.all(
    candidates.map(async (c) => {
      await sleep(Math.random() * 1000);
      try {
        createLatencies.push(await c.create());
      } catch (error) {
        onError(error);
      }
    }),
  );
  return {
    processes,
    steady: { candidates: CANDIDATES, seconds: STEADY_SECONDS, saves: latencies.length, savesPerSecond: steadyRate, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), worstSecondP99Ms: Math.max(...bySecond.filter(Boolean).map((l) => percentile(l, 99))), clientCpuCores: steadyClientCpu, ...steadyCost },
    capacity: { clients: CAPACITY_CLIENTS, seconds: CAPACITY_SECONDS, saves: capacitySaves, savesPerSecond: capacityRate, p50Ms: percentile(capacityLatencies, 50), p99Ms: percentile(capacityLatencies, 99), clientCpuCores: capacityClientCpu, ...capacityCost },
    newFiles: { candidates: CANDIDATES, created: createLatencies.length, p50Ms: percentile(createLatencies, 50), p99Ms: percentile(createLatencies, 99) },
    errors,
    errorKinds: { ...errorKinds },
    lost,
  };
}

async function main() {
  const databaseUrl = await benchDatabase('takehome_bench_autosave');
  const env = { DATABASE_URL: databaseUrl, REDIS_URL, RATE_LIMIT_MULTIPLIER: '1000' };
  const worker = await startProcess('apps/worker/dist/main.js', env, async () => true);
  const results = [];
  const steal = stealSince();
  try {
    for (const processes of PROCESS_COUNTS) {
      // Each round gets fresh candidates (an attempt starts once).
      const tokens = await seed(databaseUrl);
      const api = await startProcess('apps/api/dist/main.js', { ...env, PORT: String(PORT), API_PROCESSES: String(processes), DATABASE_POOL_SIZE: '10' }, () =>
        fetch(`${BASE}/health`).then((r) => r.status < 500 || r.status === 503, () => false),
      { nodeArgs: benchNodeArgs('API') });
      try {
        results.push(await measure(processes, tokens));
      } finally {
        await stopProcess(api);
      }
    }
  } finally {
    await stopProcess(worker);
  }

  const fmt = (n) => n.toFixed(0).padStart(6);
  console.log(`\nAutosave (${CORES} cores, worker running; targets: >= 500 saves/s sustained, p99 < 50 ms at ${CANDIDATES} candidates x 1/s, nothing lost)`);
  console.log('API processes | steady saves/s  p50 ms  p99 ms | capacity saves/s  p50 ms  p99 ms | errors  lost | bench client CPU (cores) steady/capacity');
  for (const r of results) {
    console.log(`${String(r.processes).padStart(13)} | ${fmt(r.steady.savesPerSecond)}         ${fmt(r.steady.p50Ms)}  ${fmt(r.steady.p99Ms)} | ${fmt(r.capacity.savesPerSecond)}           ${fmt(r.capacity.p50Ms)}  ${fmt(r.capacity.p99Ms)} | ${fmt(r.errors)}  ${fmt(r.lost)} | ${r.steady.clientCpuCores.toFixed(2)} / ${r.capacity.clientCpuCores.toFixed(2)}`);
  }
  for (const r of results) {
    console.log(`${r.processes} process(es): server CPU per save (API + PostgreSQL) steady ${r.steady.apiCpuMs.toFixed(2)} + ${r.steady.dbCpuMs.toFixed(2)} ms, capacity ${r.capacity.apiCpuMs.toFixed(2)} + ${r.capacity.dbCpuMs.toFixed(2)} ms`);
    console.log(`  steady: the worst second's p99 ${r.steady.worstSecondP99Ms.toFixed(0)} ms`);
    console.log(`  new files (${r.newFiles.created} created within a second): p50 ${r.newFiles.p50Ms.toFixed(0)} ms, p99 ${r.newFiles.p99Ms.toFixed(0)} ms`);
    if (r.errors) console.log(`  errors: ${JSON.stringify(r.errorKinds)}`);
  }
  const stolen = steal();
  console.log(`CPU steal (time the hypervisor gave to other machines): ${stealText(stolen)}`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ at: new Date().toISOString(), cores: CORES, loadAverage: os.loadavg(), steal: stolen, targets: { savesPerSecond: 500, steadyP99Ms: 50 }, results }, null, 2));
  console.log(`written to ${path.relative(ROOT, OUT)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  },
);
