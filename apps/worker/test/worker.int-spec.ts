import type { PrismaClient, RunKind } from '@takehome/db';
import { runTests } from '@takehome/contracts';
import { JobName, jobOptions } from '@takehome/jobs';
import { SANDBOX_LABEL } from '@takehome/sandbox';
import type { Queue } from 'bullmq';
import Docker from 'dockerode';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GradingScene, startGradingScene } from '../../../tests/support/grading-scene';
import { startWorker, type WorkerProcess } from '../../../tests/support/worker-process';

const CHALLENGE_DIR = path.resolve(__dirname, '../../../challenges/url-shortener');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:56379';

describe('worker (real PostgreSQL, Redis and Docker)', () => {
  let databaseUrl: string;
  let prisma: PrismaClient;
  let queue: Queue;
  let scene: GradingScene;
  let versionId: string;
  let solution: Record<string, string>;
  let starter: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let finishedEvents: Map<string, number>;

  beforeAll(async () => {
    scene = await startGradingScene('worker', CHALLENGE_DIR);
    ({ databaseUrl, prisma, versionId, queue, finishedEvents } = scene);
    solution = scene.pkg.solutions.node20!;
    starter = scene.pkg.starter.node20!;
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  afterAll(async () => {
    await scene?.close();
  });

  const worker = async (env: Record<string, string> = {}) => {
    const w = await startWorker({ DATABASE_URL: databaseUrl, REDIS_URL, ...env });
    workers.push(w);
    return w;
  };

  const createRun = (files: Record<string, string>, suite = 'hidden', kind: RunKind = 'VERIFICATION') =>
    prisma.run.create({ data: { kind, challengeVersionId: versionId, runtime: 'node20', suite, files } });

  const enqueue = (runId: string) => queue.add(JobName.GradeSubmission, { runId }, jobOptions(JobName.GradeSubmission, { runId }));

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const finished = (runId: string) =>
    waitFor(() => prisma.run.findUniqueOrThrow({ where: { id: runId } }), (r) => r.status === 'FINISHED');

  it('grades the reference solution end to end and stores one result', async () => {
    await worker();
    const run = await createRun(solution);
    await enqueue(run.id);
    const done = await finished(run.id);
    expect(done.outcome).toBe('COMPLETED');
    expect(done.maxScore).toBeGreaterThan(0);
    expect(done.score).toBe(done.maxScore);
    const tests = runTests.parse(done.tests);
    expect(tests.length).toBeGreaterThanOrEqual(10);
    expect(tests[0]).toEqual({ name: expect.any(String), status: 'passed', score: expect.any(Number), maxScore: expect.any(Number), output: expect.any(String), visibility: expect.any(String) });
    // Verification runs announce nothing: only a grade is news for integrations.
    expect(await prisma.runAnnouncement.count({ where: { runId: run.id } })).toBe(0);
    expect(done.attempts).toBe(1);
    await waitFor(async () => finishedEvents.get(run.id), (n) => n === 1, 5_000);
  });

  it("stores a candidate's failing code as a result, without retrying it, and stores the grade's announcement with it", async () => {
    await worker();
    const run = await createRun(starter, 'hidden', 'GRADING');
    await enqueue(run.id);
    const done = await finished(run.id);
    expect(done.outcome).toBe('COMPLETED');
    expect(done.score).toBeLessThan(done.maxScore!);
    expect(done.attempts).toBe(1);
    // The API delivers "submission.graded" from this row, written in the transaction that stored the grade.
    expect(await prisma.runAnnouncement.findUnique({ where: { runId: run.id } })).toMatchObject({ runId: run.id, deliveredAt: null });
  });

  it('runs a run once when it is enqueued twice, and ignores a stray duplicate job', async () => {
    await worker();
    const run = await createRun(solution, 'visible');
    await enqueue(run.id);
    await enqueue(run.id); // same job id: BullMQ keeps one job
    await finished(run.id);
    // A duplicate under another job id (an operator re-queue) finds the result stored and changes nothing.
    const before = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    await queue.add(JobName.GradeSubmission, { runId: run.id }, { jobId: `manual-${run.id}` });
    await waitFor(() => queue.getJobState(`manual-${run.id}`), (s) => s === 'completed', 30_000);
    const after = await prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.finishedAt).toEqual(before.finishedAt);
    expect(after.attempts).toBe(1);
    expect(finishedEvents.get(run.id)).toBe(1);
  });

  it('recovers a run whose worker was killed mid-run, and finishes it exactly once', async () => {
    const first = await worker({ WORKER_LOCK_MS: '4000' });
    const run = await createRun(solution);
    await enqueue(run.id);
    await waitFor(() => prisma.run.findUniqueOrThrow({ where: { id: run.id } }), (r) => r.status === 'RUNNING', 30_000);
    await first.kill();
    await worker({ WORKER_LOCK_MS: '4000' });
    const done = await finished(run.id);
    expect(done.outcome).toBe('COMPLETED');
    expect(done.score).toBe(done.maxScore);
    expect(done.attempts).toBe(2);
    expect(finishedEvents.get(run.id)).toBe(1);
    // The result is stored before the clean-up, which follows within moments.
    const ofThisRun = async () => (await new Docker().listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=1`] } })).filter((c) => c.Labels['takehome.run-id']?.startsWith(run.id));
    expect(await waitFor(ofThisRun, (left) => left.length === 0, 20_000)).toEqual([]);
  });

  it('refuses to start on a malformed setting, naming the variable', async () => {
    await expect(startWorker({ DATABASE_URL: databaseUrl, REDIS_URL, WORKER_GRADING_CONCURRENCY: 'lots' })).rejects.toThrow(
      /worker: invalid configuration: WORKER_GRADING_CONCURRENCY/,
    );
  });
});
