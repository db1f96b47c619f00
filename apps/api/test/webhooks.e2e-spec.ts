import { createdWebhookView, errorResponse, webhookDeliveryView } from '@takehome/contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunAnnouncer } from '../src/runs/run-announcer';
import { verifyWebhook } from '../src/webhooks/webhook-signature';
import { WebhooksService } from '../src/webhooks/webhooks.service';
import { Factories, signIn } from './support/factories';
import { PipelineFactories } from './support/pipeline-factories';
import { startTestApp, type TestApp } from './support/test-app';

interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A receiving ATS on loopback that fails the first `failures` deliveries with 500. */
function receiver(failures: number) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.statusCode = received.length <= failures ? 500 : 200;
      res.end();
    });
  });
  return new Promise<{ url: string; received: Received[]; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhooks', () => {
  let t: TestApp;
  let factories: Factories;

  beforeAll(async () => {
    t = await startTestApp('webhooks', { WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '200' });
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const api = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${t.baseUrl}/api${path}`, { ...init, headers: { Cookie: cookie, 'Content-Type': 'application/json', ...init.headers } });

  async function leadOfNewOrg() {
    const org = await factories.organization();
    const lead = await factories.user(org.id, 'HIRING_LEAD');
    return { org, cookie: await signIn(t.baseUrl, lead.email, lead.password) };
  }

  it('signs each delivery, retries after a failure, and logs every attempt', async () => {
    const ats = await receiver(1);
    try {
      const { org, cookie } = await leadOfNewOrg();
      const res = await api('/webhooks', cookie, { method: 'POST', body: JSON.stringify({ url: ats.url, events: ['submission.created'] }) });
      expect(res.status).toBe(201);
      const endpoint = createdWebhookView.parse(await res.json());
      expect(endpoint.secret).toMatch(/^whsec_/);

      await t.app.get(WebhooksService).emit(org.id, 'submission.created', { submissionId: 'sub-1' });
      await t.app.get(WebhooksService).emit(org.id, 'feedback.released', { submissionId: 'sub-1' }); // not subscribed
      await waitFor(() => ats.received.length >= 2);

      const [failed, delivered] = ats.received;
      expect(delivered.body).toBe(failed.body); // a retry sends the same event
      expect(JSON.parse(delivered.body)).toMatchObject({ event: 'submission.created', data: { submissionId: 'sub-1' } });
      expect(delivered.headers['takehome-event']).toBe('submission.created');
      expect(verifyWebhook(endpoint.secret, delivered.body, String(delivered.headers['takehome-signature']))).toBe(true);
      expect(verifyWebhook('whsec_wrong', delivered.body, String(delivered.headers['takehome-signature']))).toBe(false);

      await waitFor(async () => {
        const log = await (await api(`/webhooks/${endpoint.id}/deliveries`, cookie)).json();
        return log[0]?.deliveredAt !== null && log[0]?.attempts === 2;
      });
      const log = webhookDeliveryView.array().parse(await (await api(`/webhooks/${endpoint.id}/deliveries`, cookie)).json());
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ event: 'submission.created', attempts: 2, lastStatus: 200, lastError: null });
      expect(ats.received).toHaveLength(2);
    } finally {
      await ats.close();
    }
  });

  it('announces a graded submission once, from the outbox row the worker stores with the grade', async () => {
    const ats = await receiver(0);
    try {
      const scene = await new PipelineFactories(factories).scene('LIVE');
      const cookie = await signIn(t.baseUrl, scene.lead.email, scene.lead.password);
      const res = await api('/webhooks', cookie, { method: 'POST', body: JSON.stringify({ url: ats.url, events: ['submission.graded'] }) });
      const endpoint = createdWebhookView.parse(await res.json());
      const { invitation, submission } = await new PipelineFactories(factories).invitee(scene, {
        startedMinutesAgo: 90,
        submittedAfterMinutes: 60,
        tests: { visiblePassed: 2, visibleTotal: 2, hiddenPassed: 1, hiddenTotal: 3 },
      });
      const run = await factories.prisma.run.findFirstOrThrow({ where: { submissionId: submission!.id, kind: 'GRADING' } });
      // Exactly what the worker writes with a grade; sweeping again (or the poller meanwhile) announces nothing more.
      await factories.prisma.$transaction([
        factories.prisma.run.update({ where: { id: run.id }, data: { score: 3, maxScore: 5 } }),
        factories.prisma.runAnnouncement.create({ data: { runId: run.id } }),
      ]);
      const announcer = t.app.get(RunAnnouncer);
      await Promise.all([announcer.sweep(), announcer.sweep()]);
      await announcer.sweep();
      await waitFor(() => ats.received.length >= 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(ats.received).toHaveLength(1);
      const [delivery] = ats.received;
      expect(delivery.headers['takehome-event']).toBe('submission.graded');
      expect(verifyWebhook(endpoint.secret, delivery.body, String(delivery.headers['takehome-signature']))).toBe(true);
      const body = JSON.parse(delivery.body);
      expect(body).toMatchObject({
        event: 'submission.graded',
        data: { submissionId: submission!.id, invitationId: invitation.id, assessmentId: scene.assessment.id, outcome: 'COMPLETED', score: 3, maxScore: 5 },
      });
      // Hidden tests' names and outputs never leave the platform.
      expect(delivery.body).not.toContain('hidden 0');
    } finally {
      await ats.close();
    }
  });

  it('keeps organizations apart and roles in their place', async () => {
    const { cookie } = await leadOfNewOrg();
    const created = createdWebhookView.parse(
      await (await api('/webhooks', cookie, { method: 'POST', body: JSON.stringify({ url: 'http://127.0.0.1:9/x', events: ['review.submitted'] }) })).json(),
    );
    const other = await leadOfNewOrg();
    expect((await api(`/webhooks/${created.id}/deliveries`, other.cookie)).status).toBe(404);
    expect((await api(`/webhooks/${created.id}`, other.cookie, { method: 'DELETE' })).status).toBe(404);
    expect(await (await api('/webhooks', other.cookie)).json()).toEqual([]);

    const org = await factories.organization();
    const reviewer = await factories.user(org.id, 'REVIEWER');
    const reviewerCookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
    expect((await api('/webhooks', reviewerCookie)).status).toBe(403);
    expect((await fetch(`${t.baseUrl}/api/webhooks`)).status).toBe(401);
  });

  it('rejects a bad URL or event list with 400 naming the field', async () => {
    const { cookie } = await leadOfNewOrg();
    const bad = await api('/webhooks', cookie, { method: 'POST', body: JSON.stringify({ url: 'ftp://x', events: ['nope'] }) });
    expect(bad.status).toBe(400);
    const body = errorResponse.parse(await bad.json());
    expect(body.issues?.map((i) => i.path).sort()).toEqual(['events.0', 'url']);
  });
});

describe('webhooks in production settings', () => {
  let t: TestApp;
  let factories: Factories;
  beforeAll(async () => {
    t = await startTestApp('webhooks_ssrf');
    factories = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  it.each(['http://127.0.0.1:5432/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:6379/', 'http://localhost:3000/'])(
    'refuses an endpoint on an internal address: %s',
    async (url) => {
      const org = await factories.organization();
      const lead = await factories.user(org.id, 'ADMIN');
      const cookie = await signIn(t.baseUrl, lead.email, lead.password);
      const res = await fetch(`${t.baseUrl}/api/webhooks`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, events: ['submission.graded'] }),
      });
      expect(res.status).toBe(400);
      expect(errorResponse.parse(await res.json()).message).toMatch(/^url: .*internal address/);
    },
  );
});
