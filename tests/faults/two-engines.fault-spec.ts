import type { PrismaClient } from '@takehome/db';
import { JobName, jobOptions } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GradingScene, startGradingScene } from '../support/grading-scene';
import { startWorker, type WorkerProcess } from '../support/worker-process';
import { waitFor } from './support/processes';

/**
 * Workers on two Docker engines sharing one queue (issue 16, "Beyond one machine"), on one machine: worker A
 * drives the shared engine, worker B a second dockerd of its own (scripts/second-engine.sh, its own socket,
 * data root and bridge). A burst of grading runs spreads over both; engine B is stopped while it has runs in
 * flight; those go back to the queue and worker A grades them. Asserted: every run graded once (one stored
 * result with full marks, one announcement row for the webhook, one "finished" event), each run finished by
 * exactly one worker, and nothing labelled for these runs left on either engine once B is back.
 */
const RUNS = 14;
const SECOND_ENGINE = path.resolve(__dirname, '../../scripts/second-engine.sh');
const TRIVIAL = path.resolve(__dirname, '../bench/fixtures/trivial');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:56379';
// An instance of its own (not the burst suite's takehome-faults), so the two suites never share an engine.
const ENGINE_ENV = { ...process.env, TAKEHOME_ENGINE_NAME: 'takehome-engine-b', TAKEHOME_ENGINE_POOL: '10.214.0.0/16' };
const ENGINE_A = 'unix:///var/run/docker.sock';
const ENGINE_B = 'unix:///run/takehome-engine-b/docker.sock';
const engineB = (command: 'up' | 'down') => execFileSync('bash', [SECOND_ENGINE, command], { env: ENGINE_ENV, stdio: 'inherit' });

// The reference answer, slowed to ~3 s a run (a sleep, not a busy loop) so engine B surely has runs in flight.
const SLOW_ANSWER = 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);\nmodule.exports.answer = () => 42;\n';

/** The JSON log lines of one worker with this message. */
function logLines(worker: WorkerProcess, msg: string): Array<Record<string, unknown>> {
  return worker
    .logs()
    .split('\n')
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
// Run lines carry the runId; queue lines the job id, which is "<job name>.<runId>".
const runIdsIn = (worker: WorkerProcess, msg: string) => logLines(worker, msg).map((l) => String(l.runId ?? String(l.jobId).replace(/^[^.]*\./, '')));

describe('workers on two Docker engines sharing one queue', () => {
  let databaseUrl: string;
  let prisma: PrismaClient;
  let queue: Queue;
  let scene: GradingScene;
  let versionId: string;
  let files: Record<string, string>;
  const workers: Record<'a' | 'b', WorkerProcess | undefined> = { a: undefined, b: undefined };
  let finishedEvents: Map<string, number>;

  beforeAll(async () => {
    engineB('up');
    scene = await startGradingScene('two_engines', TRIVIAL);
    ({ databaseUrl, prisma, versionId, queue, finishedEvents } = scene);
    files = { ...scene.pkg.solutions.node20!, 'answer.js': SLOW_ANSWER };
    const worker = (id: 'a' | 'b', dockerHost: string) =>
      startWorker({
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        DOCKER_HOST: dockerHost,
        WORKER_ID: `two-engines-${id}`,
        WORKER_GRADING_CONCURRENCY: '2',
        WORKER_ENGINE_PROBE_MS: '500',
      });
    [workers.a, workers.b] = await Promise.all([worker('a', ENGINE_A), worker('b', ENGINE_B)]);
  });

  afterAll(async () => {
    if (process.env.TWO_ENGINES_LOGS) for (const [id, w] of Object.entries(workers)) writeFileSync(`${process.env.TWO_ENGINES_LOGS}/worker-${id}.log`, w?.logs() ?? '');
    await Promise.all(Object.values(workers).map((w) => w?.kill().catch(() => {})));
    await scene?.close();
    engineB('down');
  });

  it('spreads a burst over both engines, moves the runs of a stopped engine to the other, grades each once and leaves nothing behind', async () => {
    const a = workers.a!;
    const b = workers.b!;
    const started = Date.now();
    const runs = await Promise.all(
      Array.from({ length: RUNS }, () => prisma.run.create({ data: { kind: 'GRADING', challengeVersionId: versionId, runtime: 'node20', suite: 'hidden', files } })),
    );
    const runIds = runs.map((r) => r.id);
    await queue.addBulk(runIds.map((runId) => ({ name: JobName.GradeSubmission, data: { runId }, opts: jobOptions(JobName.GradeSubmission, { runId }) })));

    // Engine B goes away while it drives runs: two finished there already (the burst is spread), and one has just
    // started (its ~3 s sleep cannot be over by the time the engine is gone).
    const inFlightOnB = () => {
      const done = new Set(runIdsIn(b, 'run finished'));
      return logLines(b, 'run started').filter((l) => !done.has(String(l.runId)));
    };
    await waitFor(
      'engine B with two finished runs and one just started',
      () => runIdsIn(b, 'run finished').length >= 2 && inFlightOnB().some((l) => Date.now() - Date.parse(String(l.time)) < 500),
      60_000,
      50,
    );
    const inFlight = inFlightOnB().map((l) => String(l.runId));
    const startedBefore = { a: runIdsIn(a, 'run started').length, b: runIdsIn(b, 'run started').length };
    const stoppedAt = Date.now();
    engineB('down');
    console.info(`two-engines: engine B stopped ${stoppedAt - started} ms into the burst with ${inFlight.length} run(s) in flight; runs started by then: engine A ${startedBefore.a}, engine B ${startedBefore.b} (stopping took ${Date.now() - stoppedAt} ms)`);

    const graded = await waitFor(
      'every run graded',
      async () => {
        const rows = await prisma.run.findMany({ where: { id: { in: runIds } } });
        return rows.every((r) => r.status === 'FINISHED') ? rows : undefined;
      },
      120_000,
      250,
    );
    const burstMs = Date.now() - started;

    // Graded once, and graded right: the engine's disappearance is never a candidate's fault.
    for (const run of graded) {
      expect(run.outcome, `run ${run.id}: ${run.logs?.slice(-400)}`).toBe('COMPLETED');
      expect(run.score).toBe(run.maxScore);
    }
    const announced = await prisma.runAnnouncement.groupBy({ by: ['runId'], where: { runId: { in: runIds } }, _count: true });
    expect(announced).toHaveLength(RUNS);
    expect(announced.every((row) => row._count === 1)).toBe(true);
    await waitFor('one finished event per run', () => runIds.every((id) => finishedEvents.get(id) === 1), 5_000, 100);
    expect(runIds.filter((id) => finishedEvents.get(id) !== 1)).toEqual([]);

    // Each run finished on exactly one engine; both engines took part; B's cut-off runs finished on A.
    const onA = new Set(runIdsIn(a, 'run finished'));
    const onB = new Set(runIdsIn(b, 'run finished'));
    expect(runIds.filter((id) => onA.has(id) === onB.has(id))).toEqual([]);
    expect(onA.size).toBeGreaterThan(0);
    expect(onB.size).toBeGreaterThan(0);
    // A run in flight may still have ended on B while its engine shut down; the others were cut off, handed back
    // to the queue and graded on A.
    const cutOff = inFlight.filter((id) => !onB.has(id));
    expect(cutOff.length).toBeGreaterThan(0);
    expect(cutOff.filter((id) => !onA.has(id))).toEqual([]);
    const handedBack = new Set(runIdsIn(b, 'Docker engine away: job handed back to the queue'));
    expect(cutOff.filter((id) => !handedBack.has(id))).toEqual([]);
    // No retry was spent on the lost engine: the queue's attempts count only real failures.
    for (const runId of runIds) expect((await queue.getJob(runId))?.attemptsMade ?? 0).toBe(0);
    console.info(`two-engines: ${RUNS} runs graded in ${burstMs} ms; engine A ${onA.size}, engine B ${onB.size}; cut off on B and graded on A: ${cutOff.length} of ${inFlight.length} in flight`);

    // Engine B back: its worker clears what the lost runs left there, then takes jobs again.
    const back = () => logLines(b, 'Docker engine answers again: taking jobs').length;
    const backBefore = back();
    engineB('up');
    await waitFor('worker B taking jobs again', () => back() > backBefore, 30_000, 100);
    const labelled = (host: string, kind: string[]) =>
      execFileSync('docker', [...kind, '--filter', 'label=takehome.sandbox=1', '--format', '{{.Labels}}'], {
        env: { ...process.env, DOCKER_HOST: host },
        encoding: 'utf8',
      });
    for (const host of [ENGINE_A, ENGINE_B]) {
      for (const kind of [['ps', '-a'], ['network', 'ls'], ['volume', 'ls']]) {
        const left = await waitFor(
          `${host}: ${kind[0]} of these runs removed`,
          () => (runIds.some((id) => labelled(host, kind).includes(id)) ? false : 'none'),
          15_000,
          250,
        );
        expect(left).toBe('none');
      }
    }
  });
});
