#!/usr/bin/env node
// Benchmark: what the platform adds on top of Docker, and how throughput scales with worker concurrency.
//   1. a bare `docker run` of the trivial challenge's test command (the floor any sandbox pays);
//   2. the same trivial passing submission through the platform: Run row + enqueue -> worker -> sandbox ->
//      stored result (measured from enqueue to the worker's "finished" event);
//   3. throughput: a batch of runs with the worker at concurrency 1, 2 and 4.
// Run with `npm run bench` (which starts the services first). Not a test: it prints numbers, it asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { benchDatabase, log, ROOT } from './support.mjs';

const require = createRequire(import.meta.url);
const FIXTURE = path.join(ROOT, 'tests/bench/fixtures/trivial');
const { loadChallenge, versionRecord, buildRunInputs, toSandboxRequest } = require(path.join(ROOT, 'packages/challenge'));
const { createPrismaClient, saveChallengeVersion } = require(path.join(ROOT, 'packages/db'));
const { JobName, jobOptions, QueueName, queuePrefix, runEventsChannel } = require(path.join(ROOT, 'packages/jobs'));
const { Queue } = require(require.resolve('bullmq', { paths: [path.join(ROOT, 'apps/worker')] }));
const { Redis } = require(require.resolve('ioredis', { paths: [path.join(ROOT, 'apps/worker')] }));

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const BATCH = Number(process.env.BENCH_BATCH ?? 16);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:56379';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (n) => `${n.toFixed(0)} ms`;

/** The floor: `docker run` of the same image and test command, files bind-mounted, same core limits. */
function bareDockerRun(pkg) {
  const inputs = buildRunInputs(pkg, 'node20', 'visible', 'solution');
  const request = toSandboxRequest(inputs, 'bench-bare');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-bare-'));
  mkdirSync(path.join(dir, 'results'));
  chmodSync(dir, 0o777); // the image runs as an unprivileged user, like the sandbox
  chmodSync(path.join(dir, 'results'), 0o777);
  for (const [file, content] of Object.entries({ ...inputs.submissionFiles, ...inputs.testFiles })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  const args = ['run', '--rm', '--network', 'none', '--memory', `${request.limits.memoryMb}m`, '--pids-limit', String(request.limits.pids),
    '-v', `${dir}:/w`, '-w', '/w', request.runtime.runnerImage, ...request.testCommand];
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const run = spawnSync('docker', args, { encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`bare docker run failed: ${run.stderr}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return times;
}

function startWorker(databaseUrl, concurrency) {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/worker/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL, LOG_LEVEL: 'warn', WORKER_GRADING_CONCURRENCY: String(concurrency) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      // LOG_LEVEL=warn hides "worker ready"; readiness is instead the heartbeat key, checked below.
    });
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
    const redis = new Redis(REDIS_URL);
    const poll = setInterval(async () => {
      const keys = await redis.keys(`takehome:worker:*-${child.pid}`);
      if (keys.length) {
        clearInterval(poll);
        redis.disconnect();
        child.removeAllListeners('exit');
        resolve({ stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) });
      }
    }, 50);
  });
}

async function main() {
  const pkg = await loadChallenge(FIXTURE);
  log(`bare docker run x${SAMPLES}`);
  const bare = bareDockerRun(pkg);

  const databaseUrl = await benchDatabase('takehome_bench');
  const prisma = createPrismaClient(databaseUrl, { poolSize: 4 });
  const org = await prisma.organization.create({ data: { slug: 'bench', name: 'Bench' } });
  const { id: challengeVersionId } = await saveChallengeVersion(prisma, { organizationId: org.id, ...versionRecord(pkg) });
  const queue = new Queue(QueueName.Grading, { connection: { url: REDIS_URL }, prefix: queuePrefix(databaseUrl) });
  const events = new Redis(REDIS_URL);
  const finished = new Map();
  await events.psubscribe(runEventsChannel('*'));
  events.on('pmessage', (_p, _c, message) => {
    const event = JSON.parse(message);
    if (event.type === 'finished') finished.get(event.runId)?.(event);
  });
  const submit = async () => {
    const run = await prisma.run.create({
      data: { kind: 'GRADING', challengeVersionId, runtime: 'node20', suite: 'visible', files: pkg.solutions.node20 },
    });
    const done = new Promise((resolve) => finished.set(run.id, resolve));
    const started = performance.now();
    await queue.add(JobName.GradeSubmission, { runId: run.id }, jobOptions(JobName.GradeSubmission, { runId: run.id }));
    const event = await done;
    if (event.score !== event.maxScore || event.outcome !== 'COMPLETED') throw new Error(`run ${run.id} did not pass: ${JSON.stringify(event)}`);
    return performance.now() - started;
  };

  let worker = await startWorker(databaseUrl, 1);
  log(`platform end-to-end x${SAMPLES} (one at a time)`);
  await submit(); // warm-up: first connections, first image layer reads
  const platform = [];
  for (let i = 0; i < SAMPLES; i++) platform.push(await submit());
  await worker.stop();

  const throughput = [];
  for (const concurrency of [1, 2, 4]) {
    worker = await startWorker(databaseUrl, concurrency);
    log(`throughput: ${BATCH} runs at concurrency ${concurrency}`);
    const started = performance.now();
    await Promise.all(Array.from({ length: BATCH }, submit));
    const seconds = (performance.now() - started) / 1000;
    throughput.push({ concurrency, seconds, perMinute: (BATCH / seconds) * 60 });
    await worker.stop();
  }

  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  events.disconnect();
  await prisma.$disconnect();

  const [b50, b95, p50, p95] = [percentile(bare, 50), percentile(bare, 95), percentile(platform, 50), percentile(platform, 95)];
  console.log(`\nTrivial passing submission, ${SAMPLES} samples each (${os.cpus().length} cores)`);
  console.log('                                   p50        p95');
  console.log(`bare docker run                ${ms(b50).padStart(9)}  ${ms(b95).padStart(9)}`);
  console.log(`platform (enqueue -> result)   ${ms(p50).padStart(9)}  ${ms(p95).padStart(9)}`);
  console.log(`ratio platform / bare          ${(p50 / b50).toFixed(2).padStart(8)}x  ${(p95 / b95).toFixed(2).padStart(8)}x   (target p50 <= 1.5x)`);
  console.log(`\nThroughput, ${BATCH} runs submitted at once`);
  for (const t of throughput) {
    console.log(`concurrency ${t.concurrency}: ${t.seconds.toFixed(1)} s, ${t.perMinute.toFixed(0)} runs/min (${(t.perMinute / throughput[0].perMinute).toFixed(2)}x of concurrency 1)`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  },
);
