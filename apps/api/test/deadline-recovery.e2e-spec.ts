import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_QUEUE } from '../src/attempts/submission/deadline-scheduler';
import { DeadlineSweeper } from '../src/attempts/submission/deadline-sweeper';
import { SubmissionsService } from '../src/attempts/submission/submissions.service';
import { createApp } from '../src/bootstrap';
import { loadApiConfig } from '../src/config/api-config';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The deadline when the API or the queue was down at that moment: the delayed job never fired (Redis lost it, or
 * no API process was there to take it), so the sweep at start-up submits the last saved state, exactly once.
 */
describe('deadline under faults', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('deadline_recovery', { DEADLINE_SWEEP_INTERVAL_MS: '0' });
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  async function startedWithSave(content: string) {
    const scene = await cf.scene({ graceSeconds: 30 });
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    expect((await client.json('PUT', '/files', { path: 'server.js', content, baseRevision: 1 })).status).toBe(200);
    return f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
  }

  it('submits on recovery an attempt whose deadline passed while the API was down and its job was lost', async () => {
    const overdue = await startedWithSave('saved before the outage');
    const inGrace = await startedWithSave('still in grace');
    // The queue lost every delayed job, and the deadline passed while nothing ran.
    await t.app.get<Queue>(getQueueToken(DEADLINE_QUEUE)).obliterate({ force: true });
    await f.prisma.attempt.update({ where: { id: overdue.id }, data: { deadline: new Date(Date.now() - 5 * 60_000) } });
    await f.prisma.attempt.update({ where: { id: inGrace.id }, data: { deadline: new Date(Date.now() - 5_000) } });

    // A fresh API process on the same database: its start-up sweep submits, with no candidate request at all.
    const config = loadApiConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: t.config.DATABASE_URL, DEADLINE_SWEEP_INTERVAL_MS: '3600000' });
    const restarted: NestExpressApplication = await createApp(config, pino({ level: 'silent' }));
    await restarted.init();
    try {
      const until = Date.now() + 15_000;
      let status = 'IN_PROGRESS';
      while (status === 'IN_PROGRESS' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await f.prisma.attempt.findUniqueOrThrow({ where: { id: overdue.id } })).status;
      }
      expect(status).toBe('EXPIRED_SUBMITTED');
      const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: overdue.id }, include: { runs: true } });
      expect(submission).toMatchObject({ automatic: true, automaticReason: 'deadline-recovered', files: expect.objectContaining({ 'server.js': 'saved before the outage' }) });
      expect(submission.runs).toHaveLength(1);
      // Still within its grace: not touched.
      expect((await f.prisma.attempt.findUniqueOrThrow({ where: { id: inGrace.id } })).status).toBe('IN_PROGRESS');

      // A late job, another sweep and a second API instance all racing add nothing: exactly once.
      await Promise.all([
        restarted.get(DeadlineSweeper).sweep(),
        t.app.get(DeadlineSweeper).sweep(),
        t.app.get(SubmissionsService).autoSubmitIfDue(overdue.id),
      ]);
      expect(await f.prisma.submission.count({ where: { attemptId: overdue.id } })).toBe(1);
      expect(await f.prisma.run.count({ where: { submission: { attemptId: overdue.id } } })).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('records why the platform submitted when the job fires on time', async () => {
    const attempt = await startedWithSave('on time');
    await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 31_000) } });
    expect(await t.app.get(SubmissionsService).autoSubmitIfDue(attempt.id)).toBe(true);
    expect(await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } })).toMatchObject({ automatic: true, automaticReason: 'deadline' });
  });
});
