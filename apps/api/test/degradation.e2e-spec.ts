import { getQueueToken } from '@nestjs/bullmq';
import { JobName, QueueName } from '@takehome/jobs';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../../tests/support/tcp-proxy';
import { createTestDatabase } from '../../../tests/support/test-database';
import { StaleRunRequeuer } from '../src/runs/stale-run-requeuer';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Graceful degradation. PostgreSQL and Redis are reached through loopback proxies this file controls, so "down"
 * is real for this app (connections cut, new ones refused or never answered) while the shared servers other
 * suites use are never touched.
 */
describe('graceful degradation', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;
  let pg: TcpProxy;
  let redis: TcpProxy;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase('degradation');
    const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:56379');
    pg = await startTcpProxy({ host: new URL(databaseUrl).hostname, port: Number(new URL(databaseUrl).port) });
    redis = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port) });
    t = await startTestApp('degradation', {
      DATABASE_URL: pg.url(databaseUrl),
      // Queue names derive from the database name, which the proxy keeps: this app only sees its own jobs.
      REDIS_URL: redis.url(redisUrl.toString()),
      RUN_REQUEUE_INTERVAL_MS: '0',
      RUN_REQUEUE_AFTER_MS: '1',
      DEADLINE_SWEEP_INTERVAL_MS: '0',
    });
    f = new Factories(databaseUrl);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    pg?.set('up');
    redis?.set('up');
    await f?.close();
    await t?.close();
    await pg?.close();
    await redis?.close();
  });

  async function started() {
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    return { client, attempt };
  }

  async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = performance.now();
    const value = await call();
    return { value, ms: performance.now() - started };
  }

  it('Redis down: autosave, reading and submitting still work without waiting on Redis; the run is queued on recovery', async () => {
    const { client, attempt } = await started();
    const { invitation } = await f.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { invitation: { select: { organizationId: true } } } });
    const endpoint = await f.prisma.webhookEndpoint.create({
      data: { organizationId: invitation.organizationId, url: 'http://127.0.0.1:9/ats', events: ['submission.created'], secret: 'whsec_test' },
    });
    redis.set('refuse');
    try {
      const save = await timed(() => client.json('PUT', '/files', { path: 'server.js', content: 'saved while Redis was away', baseRevision: 1 }));
      expect(save.value.status).toBe(200);
      expect(save.ms).toBeLessThan(3_000);
      const read = await timed(() => client.json('GET', '/attempt'));
      expect(read.value.status).toBe(200);
      expect(read.ms).toBeLessThan(3_000);
      const workspace = await client.json('GET', '/workspace');
      expect(workspace.status).toBe(200);
      expect(JSON.stringify(workspace.body)).toContain('saved while Redis was away');
      const submit = await timed(() => client.json('POST', '/submit'));
      expect(submit.value.status).toBe(200);
      expect(submit.ms).toBeLessThan(5_000);
      const health = await fetch(`${t.baseUrl}/health`);
      expect(health.status).toBe(503);
      expect((await health.json()).checks.redis.status).toBe('down');
    } finally {
      redis.set('up');
    }
    // Stored while Redis was away; the requeuer hands it to the queue once Redis is back.
    const run = await f.prisma.run.findFirstOrThrow({ where: { submission: { attemptId: attempt.id } } });
    // The webhook committed with the submission (an outbox), to be queued by the stranded-delivery sweep.
    const deliveries = await f.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => [d.event, (d.payload as { data: { submissionId: string } }).data.submissionId])).toEqual([['submission.created', run.submissionId]]);
    expect(run.status).toBe('QUEUED');
    const grading = t.app.get<Queue>(getQueueToken(QueueName.Grading));
    const until = Date.now() + 20_000;
    while (!(await grading.getJob(`${JobName.GradeSubmission}.${run.id}`).catch(() => null)) && Date.now() < until) {
      await t.app.get(StaleRunRequeuer).sweep();
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await grading.getJob(`${JobName.GradeSubmission}.${run.id}`)).toBeTruthy();
  });

  it('PostgreSQL down or hung: the API answers 503 quickly instead of hanging, and recovers by itself', async () => {
    const { client } = await started();
    for (const mode of ['refuse', 'blackhole'] as const) {
      pg.set(mode);
      try {
        const read = await timed(() => client.json('GET', '/attempt'));
        expect(read.value.status, `${mode}: ${read.value.text}`).toBe(503);
        expect(read.value.body).toMatchObject({ code: 'unavailable', message: expect.stringContaining('temporarily unavailable') });
        expect(read.ms).toBeLessThan(6_000);
        const health = await fetch(`${t.baseUrl}/health`);
        expect(health.status).toBe(503);
        expect((await health.json()).checks.database.status).toBe('down');
      } finally {
        pg.set('up');
      }
      const until = Date.now() + 10_000;
      let status = 0;
      while (status !== 200 && Date.now() < until) status = (await client.json('GET', '/attempt')).status;
      expect(status).toBe(200);
    }
  });
});

describe('graceful degradation: Docker engine down', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp('degradation_docker', { DOCKER_HOST: 'unix:///nonexistent/takehome-faults/docker.sock', RUN_REQUEUE_INTERVAL_MS: '0' });
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('practice runs answer 503 "temporarily unavailable"; submissions are stored and queued', async () => {
    const cf = new CandidateFactories(f);
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    await client.open(token);
    await client.json('POST', '/attempt/start', { runtime: 'node20' });
    const practice = await client.json('POST', '/runs');
    expect(practice.status).toBe(503);
    expect(practice.body).toMatchObject({ code: 'runs_unavailable', message: expect.stringContaining('temporarily unavailable') });
    expect(await f.prisma.run.count({ where: { attempt: { invitationId: invitation.id } } })).toBe(0);
    const submit = await client.json('POST', '/submit');
    expect(submit.status).toBe(200);
    const run = await f.prisma.run.findFirstOrThrow({ where: { submission: { attempt: { invitationId: invitation.id } } } });
    expect(await t.app.get<Queue>(getQueueToken(QueueName.Grading)).getJob(`${JobName.GradeSubmission}.${run.id}`)).toBeTruthy();
  });
});
