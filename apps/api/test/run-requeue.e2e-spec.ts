import { getQueueToken } from '@nestjs/bullmq';
import { JobName, QueueName } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleRunRequeuer } from '../src/runs/stale-run-requeuer';
import { CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('stale run requeue', () => {
  let t: TestApp;
  let f: Factories;
  let grading: Queue;

  beforeAll(async () => {
    // The sweep is driven by the test; no worker runs, so queued jobs stay where the test can see them.
    t = await startTestApp('run_requeue', { RUN_REQUEUE_INTERVAL_MS: '0', RUN_REQUEUE_AFTER_MS: '60000' });
    f = new Factories(t.config.DATABASE_URL);
    grading = t.app.get<Queue>(getQueueToken(QueueName.Grading));
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('queues again a run stored while Redis was away, and only such runs, once', async () => {
    const { challengeVersionId } = await new CandidateFactories(f).scene();
    const run = (kind: 'GRADING' | 'VERIFICATION', status: 'QUEUED' | 'FINISHED', minutesAgo: number) =>
      f.prisma.run.create({
        data: { kind, status, challengeVersionId, runtime: 'node20', suite: 'all', files: {}, queuedAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
    const lost = await run('GRADING', 'QUEUED', 5);
    const lostVerification = await run('VERIFICATION', 'QUEUED', 3);
    const fresh = await run('GRADING', 'QUEUED', 0);
    const done = await run('GRADING', 'FINISHED', 10);

    const requeuer = t.app.get(StaleRunRequeuer);
    expect(await requeuer.sweep()).toBe(2);
    expect(await grading.getJob(`${JobName.GradeSubmission}.${lost.id}`)).toBeTruthy();
    expect(await grading.getJob(`${JobName.VerifyChallenge}.${lostVerification.id}`)).toBeTruthy();
    expect(await grading.getJob(`${JobName.GradeSubmission}.${fresh.id}`)).toBeFalsy();
    expect(await grading.getJob(`${JobName.GradeSubmission}.${done.id}`)).toBeFalsy();

    const waiting = await grading.getJobCounts('waiting', 'prioritized');
    await requeuer.sweep();
    expect(await grading.getJobCounts('waiting', 'prioritized')).toEqual(waiting);
  });
});
