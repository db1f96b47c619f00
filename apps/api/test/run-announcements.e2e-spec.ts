import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { RunRepository } from '../../worker/src/runs/run.repository';
import { Factories } from './support/factories';
import { PipelineFactories } from './support/pipeline-factories';
import { startTestApp, type TestApp } from './support/test-app';

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * submission.graded leaves through the outbox the worker writes with each grade: a grade stored while no API
 * process runs is announced when one starts, and once only however many start at the same moment.
 */
describe('grade announcements (outbox)', () => {
  let databaseUrl: string;
  let factories: Factories;
  let server: Server;
  let url: string;
  const received: string[] = [];
  const apps: TestApp[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('announcements');
    factories = new Factories(databaseUrl);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(body);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await factories?.close();
    await new Promise((r) => server?.close(r));
  });

  it('delivers a grade stored while no API ran exactly once when two API processes start', async () => {
    const pipeline = new PipelineFactories(factories);
    const scene = await pipeline.scene('LIVE');
    await factories.prisma.webhookEndpoint.create({ data: { organizationId: scene.org.id, url, events: ['submission.graded'], secret: 'whsec_test' } });
    const { invitation, submission } = await pipeline.invitee(scene, { startedMinutesAgo: 90, submittedAfterMinutes: 60 });
    const run = await factories.prisma.run.create({
      data: { kind: 'GRADING', submissionId: submission!.id, challengeVersionId: scene.challengeVersionId, runtime: 'node20', suite: 'all', files: {} },
    });

    // The worker stores the grade (and its announcement) while no API process is up.
    const worker = new RunRepository(factories.prisma);
    const stored = { outcome: 'COMPLETED', score: 4, maxScore: 6, tests: [], logs: '', executionMs: 1200 } as const;
    expect(await worker.storeResult(run.id, { ...stored, tests: [] })).toBe('GRADING');
    // A second delivery of the same job stores nothing, so it announces nothing either.
    expect(await worker.storeResult(run.id, { ...stored, tests: [] })).toBeNull();
    expect(await factories.prisma.runAnnouncement.count({ where: { runId: run.id } })).toBe(1);

    // Two API processes on that database start at once; both sweep the outbox at start and then poll it.
    const overrides = { DATABASE_URL: databaseUrl, WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true', RUN_ANNOUNCE_INTERVAL_MS: '20', RUN_REQUEUE_INTERVAL_MS: '0' };
    apps.push(...(await Promise.all([startTestApp('announcements_a', overrides), startTestApp('announcements_b', overrides)])));
    await waitFor(() => received.length >= 1);
    await waitFor(async () => (await factories.prisma.runAnnouncement.findUniqueOrThrow({ where: { runId: run.id } })).deliveredAt !== null);
    // Many poll intervals of both processes later, still one.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(received).toHaveLength(1);
    expect(await factories.prisma.webhookDelivery.count({ where: { event: 'submission.graded' } })).toBe(1);
    expect(JSON.parse(received[0])).toMatchObject({
      event: 'submission.graded',
      data: { submissionId: submission!.id, invitationId: invitation.id, assessmentId: scene.assessment.id, outcome: 'COMPLETED', score: 4, maxScore: 6 },
    });
  });

  it('announces no grade for a platform failure (ERROR), and marks it done', async () => {
    const pipeline = new PipelineFactories(factories);
    const scene = await pipeline.scene('LIVE');
    await factories.prisma.webhookEndpoint.create({ data: { organizationId: scene.org.id, url, events: ['submission.graded'], secret: 'whsec_test' } });
    const { submission } = await pipeline.invitee(scene, { startedMinutesAgo: 90, submittedAfterMinutes: 60 });
    const run = await factories.prisma.run.create({
      data: { kind: 'GRADING', submissionId: submission!.id, challengeVersionId: scene.challengeVersionId, runtime: 'node20', suite: 'all', files: {} },
    });
    const before = received.length;
    await new RunRepository(factories.prisma).storeResult(run.id, { outcome: 'ERROR', score: 0, maxScore: 0, tests: [], logs: 'docker away', executionMs: 0 });
    await waitFor(async () => (await factories.prisma.runAnnouncement.findUniqueOrThrow({ where: { runId: run.id } })).deliveredAt !== null);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(before);
  });
});
