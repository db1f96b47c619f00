import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startWorker, type WorkerProcess } from '../support/worker-process';
import { ApiProcess } from './support/api-process';
import { makeCandidates, type SimulatedCandidate } from './support/candidates';
import { type OwnPostgres, startOwnPostgres } from './support/own-postgres';
import { type OwnRedis, startOwnRedis } from './support/own-redis';
import { type SmallDisk, startSmallDisk } from './support/small-disk';
import { freePort, sleep, stopAll, waitFor } from './support/processes';

/**
 * Faults survived on purpose. The real API and worker run as child processes against a PostgreSQL and a Redis
 * of this suite's own (the shared ones on 55432/56379 are never stopped or filled); during a burst of autosaves
 * and submissions from many candidates, one fault at a time is injected and lifted. Each fault asserts:
 * every submission graded exactly once, no acknowledged autosave lost, no sandbox left on the engine, /health
 * reporting the fault while it lasted, and recovery without a manual step.
 *
 * Table-ready (the README's "Faults and recovery" has the same rows):
 * | fault | injected by | /health while it lasts | asserted besides the common five |
 * | API killed | kill -9 of the API process, started again | unreachable | submits retried by the client land once (409 "submitted" = an earlier try landed) |
 * | worker killed | kill -9 of the worker, started again | 200/503 with workers.online 0 | the job's lock expires, the run is stored once (compare-and-set) |
 * | PostgreSQL restarted | pg_ctl stop -m fast, start | 503, database down | requests answer 503, the pool reconnects by itself |
 * | Docker engine restarted | second-engine.sh down, up | 503, docker down | submissions queue and are graded once the engine is back |
 * | Redis restarted | SIGTERM (append-only file kept), start | 503, redis down | saves and submits go on; runs stored meanwhile are queued by the sweep |
 * | disk full | the loop-mounted disk holding PostgreSQL's data and the mail folder filled to the last block, then freed | 503, disk down naming PostgreSQL's data directory | a 190 KB save answers 503 "out of storage space" and nothing of it is stored; the same save is stored once space is freed |
 * Common five, every fault: every submission graded exactly once (one submission, one FINISHED grading run, not
 * ERROR); no acknowledged autosave lost (stored draft or submission holds the last 2xx save or later); no
 * container, network or volume of the runs left on the engine; /health reported the fault (sampled every 200 ms);
 * /health 200 again with no manual step.
 */
const CANDIDATES = Number(process.env.FAULTS_CANDIDATES ?? 16);
const SUBMITTING = 2;
const SECOND_ENGINE = path.resolve(__dirname, '../../scripts/second-engine.sh');
// The worker and the API's health check use a Docker engine of the suite's own, which it may stop.
const engine = (command: 'up' | 'down') => execFileSync('bash', [SECOND_ENGINE, command], { stdio: 'inherit' });
const ENGINE_HOST = 'unix:///run/takehome-faults/docker.sock';

interface HealthSample {
  at: number;
  status: number | 'unreachable';
  body?: { status: string; checks: Record<string, { status: string; error?: string }>; workers: { online: number } };
}

describe('faults during a burst of candidates', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let disk: SmallDisk;
  let api: ApiProcess;
  let worker: WorkerProcess;
  let f: Factories;
  const env: Record<string, string> = {};
  const allRunIds = new Set<string>();

  const startTheWorker = async () => {
    worker = await startWorker({ ...env, WORKER_GRADING_CONCURRENCY: '2', WORKER_LOCK_MS: '5000' });
  };

  beforeAll(async () => {
    engine('up');
    disk = startSmallDisk();
    [pg, redis] = await Promise.all([startOwnPostgres(disk.dir), startOwnRedis()]);
    Object.assign(env, {
      // What the API writes to disk (mail) and PostgreSQL's data directory share the small disk; /health
      // watches both, warning below 64 MB free.
      MAIL_DIR: path.join(disk.dir, 'mail'),
      HEALTH_DISK_PATHS: `${path.join(disk.dir, 'mail')},${pg.dataDir}`,
      HEALTH_DISK_MIN_FREE_MB: '64',
      DOCKER_HOST: ENGINE_HOST,
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `faults-${process.pid}`,
      REDIS_KEY_PREFIX: `faults-${process.pid}:`,
      // Fast sweeps so recovery is seen within the suite's time: runs stored while Redis was away, deadlines.
      RUN_REQUEUE_AFTER_MS: '4000',
      RUN_REQUEUE_INTERVAL_MS: '2000',
      DEADLINE_SWEEP_INTERVAL_MS: '5000',
      // Every simulated candidate comes from 127.0.0.1: the per-address limits (20 candidate links a minute)
      // would refuse the second burst, as the API tests' own app raises them too.
      RATE_LIMIT_MULTIPLIER: '100',
    });
    api = new ApiProcess(await freePort(), env);
    await api.start();
    await startTheWorker();
    f = new Factories(pg.url);
  });

  afterAll(async () => {
    await f?.close().catch(() => {});
    await worker?.kill().catch(() => {});
    await api?.kill().catch(() => {});
    await stopAll();
    engine('down');
  });

  async function health(): Promise<HealthSample> {
    try {
      // Generous: with PostgreSQL away /health waits out its connect timeout, and a slow 503 is still a report.
      const res = await fetch(`${api.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) });
      return { at: Date.now(), status: res.status, body: await res.json() };
    } catch {
      return { at: Date.now(), status: 'unreachable' };
    }
  }

  /**
   * One round: candidates type, the fault is injected, a few submit while it lasts (retrying like the page),
   * the fault is lifted once /health has shown it, and then everything is checked.
   */
  async function round(
    label: string,
    fault: { inject(): Promise<void>; lift(): Promise<void>; seen(sample: HealthSample): boolean; during?(candidates: SimulatedCandidate[]): Promise<void> },
  ) {
    const candidates = await makeCandidates(f, api.baseUrl, CANDIDATES, label);
    candidates.forEach((c) => c.startTyping());
    await sleep(1_000);
    // On a loaded machine the first answers can take longer than that: the fault comes once everyone has work saved.
    await waitFor(`${label}: a first save acknowledged for every candidate`, () => candidates.every((c) => c.acked > 0), 30_000, 100);

    const samples: HealthSample[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        samples.push(await health());
        await sleep(200);
      }
    })();

    await fault.inject();
    const submitting = candidates.slice(0, SUBMITTING).map((c) => c.submit());
    await waitFor(`${label}: /health reporting the fault`, () => samples.some(fault.seen), 40_000, 100).catch(async (error: Error) => {
      const seen = samples.slice(-5).map((s) => `${s.status} ${JSON.stringify(s.body?.checks ?? {})}`);
      // Lift the fault anyway, so one failed round does not leave the next ones without a database or engine.
      polling = false;
      await fault.lift().catch(() => undefined);
      throw new Error(`${error.message}; last /health answers:\n${seen.join('\n')}\nAPI output (tail):\n${api.logs().slice(-2000)}`);
    });
    await sleep(1_000);
    await fault.during?.(candidates);
    await fault.lift();

    // Recovery with no manual step: /health answers ok again by itself.
    await waitFor(`${label}: /health ok after recovery`, async () => (await health()).status === 200, 60_000, 250);
    polling = false;
    await poller;
    await Promise.all(submitting);
    // A few more saves after recovery, then everyone stops.
    await sleep(1_500);
    await Promise.all(candidates.map((c) => c.stopTyping()));

    await checkNoSaveLost(label, candidates);
    await checkGradedOnce(label, candidates.slice(0, SUBMITTING));
    return samples;
  }

  const counterOf = (content: string | undefined) => Number(/save #(\d+)/.exec(content ?? '')?.[1] ?? 0);

  async function checkNoSaveLost(label: string, candidates: SimulatedCandidate[]) {
    for (const c of candidates) {
      expect(c.acked, `${label}/${c.name} got no save acknowledged at all`).toBeGreaterThan(0);
      const stored = c.submitted
        ? ((await f.prisma.submission.findUnique({ where: { attemptId: c.attemptId } }))?.files as Record<string, string> | undefined)?.['server.js']
        : (await f.prisma.draftFile.findUnique({ where: { attemptId_path: { attemptId: c.attemptId, path: 'server.js' } } }))?.content;
      expect(counterOf(stored), `${label}/${c.name}: acknowledged save #${c.acked} missing`).toBeGreaterThanOrEqual(c.acked);
    }
  }

  async function checkGradedOnce(label: string, submitters: SimulatedCandidate[]) {
    for (const c of submitters) expect(c.submitAcked, `${label}/${c.name}: submit never acknowledged`).toBe(true);
    const attemptIds = submitters.map((c) => c.attemptId);
    const runs = await waitFor(
      `${label}: every submission graded`,
      async () => {
        const rows = await f.prisma.run.findMany({ where: { kind: 'GRADING', submission: { attemptId: { in: attemptIds } } } });
        return rows.length >= attemptIds.length && rows.every((r) => r.status === 'FINISHED') ? rows : undefined;
      },
      150_000,
      500,
    );
    expect(await f.prisma.submission.count({ where: { attemptId: { in: attemptIds } } })).toBe(attemptIds.length);
    // Exactly one grading run per submission, each with a real grade (a platform ERROR is not a grade).
    expect(runs).toHaveLength(attemptIds.length);
    for (const run of runs) {
      expect(run.outcome, `${label}: run ${run.id} logs: ${run.logs?.slice(-500)}`).not.toBe('ERROR');
      allRunIds.add(run.id);
    }
    await checkNoLeftovers(label, runs.map((r) => r.id));
  }

  async function checkNoLeftovers(label: string, runIds: string[]) {
    const docker = (args: string[]) => execFileSync('docker', args, { env: { ...process.env, ...(env.DOCKER_HOST ? { DOCKER_HOST: env.DOCKER_HOST } : {}) }, encoding: 'utf8' });
    for (const kind of [['ps', '-a'], ['network', 'ls'], ['volume', 'ls']]) {
      const left = await waitFor(
        `${label}: ${kind[0]} of these runs removed`,
        () => {
          const listed = docker([...kind, '--filter', 'label=takehome.sandbox=1', '--format', '{{.Labels}}']);
          return runIds.some((id) => listed.includes(id)) ? false : 'none';
        },
        20_000,
        500,
      );
      expect(left).toBe('none');
    }
  }

  it('kill -9 the API mid-burst, then start it again', async () => {
    const samples = await round('api-killed', {
      inject: () => api.kill(),
      lift: () => api.start(),
      seen: (s) => s.status === 'unreachable',
    });
    expect(samples.some((s) => s.status === 'unreachable')).toBe(true);
  });

  it('kill -9 the worker mid-burst, then start it again', async () => {
    const samples = await round('worker-killed', {
      inject: () => worker.kill(),
      lift: () => startTheWorker(),
      // The worker's heartbeat expires: /health counts no worker online.
      seen: (s) => s.body?.workers.online === 0,
    });
    expect(samples.some((s) => s.body?.workers.online === 0)).toBe(true);
  });

  it('restart PostgreSQL mid-burst', async () => {
    const samples = await round('postgres-restart', {
      inject: async () => pg.stop(),
      lift: async () => pg.start(),
      seen: (s) => s.status === 503 && s.body?.checks.database.status === 'down',
    });
    expect(samples.some((s) => s.body?.checks.database.status === 'down')).toBe(true);
  });

  it('restart the Docker engine mid-burst', async () => {
    const samples = await round('docker-restart', {
      inject: async () => engine('down'),
      lift: async () => engine('up'),
      seen: (s) => s.status === 503 && s.body?.checks.docker.status === 'down',
    });
    expect(samples.some((s) => s.body?.checks.docker.status === 'down')).toBe(true);
  });

  it('restart Redis mid-burst', async () => {
    const samples = await round('redis-restart', {
      inject: () => redis.stop(),
      lift: () => redis.start(),
      seen: (s) => s.status === 503 && s.body?.checks.redis.status === 'down',
    });
    expect(samples.some((s) => s.body?.checks.redis.status === 'down')).toBe(true);
  });

  it('fill the disk PostgreSQL and the mail folder share mid-burst, then free it', async () => {
    // A file PostgreSQL cannot store without new pages (random, so it does not compress): refused while full.
    const big = randomBytes(140 * 1024).toString('base64');
    let prober: SimulatedCandidate | undefined;
    let everyone: SimulatedCandidate[] = [];
    let refused: { status: number; body: { code?: string; message?: string } } | undefined;
    const samples = await round('disk-full', {
      inject: async () => {
        // A fresh WAL segment, already created, before the disk fills: a full disk then fails PostgreSQL's data
        // writes with a clean ERROR (53100), which is what this round is about. A pg_wal that cannot grow makes
        // PostgreSQL PANIC and restart instead: that is the database-down fault, covered by the round above.
        await f.prisma.$executeRawUnsafe('CHECKPOINT');
        await f.prisma.$queryRawUnsafe('SELECT pg_switch_wal()::text');
        await f.prisma.$queryRawUnsafe('SELECT txid_current()::text');
        disk.fill();
      },
      seen: (s) => s.status === 503 && s.body?.checks.disk?.status === 'down',
      during: async (candidates) => {
        everyone = candidates;
        prober = candidates.at(-1)!;
        refused = await prober.client.json('PUT', '/files', { path: 'notes.txt', content: big, baseRevision: null });
      },
      lift: async () => disk.free(),
    });
    expect(samples.some((s) => s.body?.checks.disk?.error?.includes(pg.dataDir))).toBe(true);
    const sum = (pick: (c: SimulatedCandidate) => number) => everyone.reduce((n, c) => n + pick(c), 0);
    console.info(`disk-full: ${sum((c) => c.refused)} autosaves answered 503 of ${sum((c) => c.attempted)} tried; ${samples.filter((s) => s.body?.checks.disk?.status === 'down').length} health samples with disk down`);
    // The save that could not be stored failed clearly (the editor keeps it and retries), and nothing of it stayed.
    expect(refused?.status, JSON.stringify(refused?.body)).toBe(503);
    expect(refused?.body).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/out of storage space/) });
    const notes = { attemptId_path: { attemptId: prober!.attemptId, path: 'notes.txt' } };
    expect(await f.prisma.draftFile.findUnique({ where: notes })).toBeNull();
    // Space freed: the same save is stored, with no restart of anything.
    const retried = await prober!.client.json('PUT', '/files', { path: 'notes.txt', content: big, baseRevision: null });
    expect(retried.status, retried.text).toBe(200);
    expect((await f.prisma.draftFile.findUniqueOrThrow({ where: notes })).content).toBe(big);
    expect(disk.freeMb()).toBeGreaterThan(64);
  });
});
