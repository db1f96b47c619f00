import { apiKeyStatus, createdApiKey, createdWebhookView, webhookDeliveryView } from '@takehome/contracts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WebhooksService } from '../src/webhooks/webhooks.service';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** An ATS on loopback whose answer the test switches. */
async function switchableReceiver() {
  const state = { status: 500, hits: 0 };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.hits++;
      res.statusCode = state.status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhook delivery retry and the API key page endpoints', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp('webhook_retry', { WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true', WEBHOOK_MAX_ATTEMPTS: '1' });
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  const api = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${t.baseUrl}/api${path}`, { ...init, headers: { Cookie: cookie, 'Content-Type': 'application/json', ...init.headers } });

  it('retries a delivery the queue gave up on, once, and only in the owner organization', async () => {
    const ats = await switchableReceiver();
    try {
      const org = await f.organization();
      const lead = await f.user(org.id, 'HIRING_LEAD');
      const cookie = await signIn(t.baseUrl, lead.email, lead.password);
      const endpoint = createdWebhookView.parse(await (await api('/webhooks', cookie, { method: 'POST', body: JSON.stringify({ url: ats.url, events: ['submission.created'] }) })).json());
      await t.app.get(WebhooksService).emit(org.id, 'submission.created', { submissionId: 'sub-1' });
      const deliveries = async () => z.array(webhookDeliveryView).parse(await (await api(`/webhooks/${endpoint.id}/deliveries`, cookie)).json());
      await until(async () => (await deliveries())[0]?.lastStatus === 500);
      const [failed] = await deliveries();
      expect(failed).toMatchObject({ attempts: 1, deliveredAt: null });

      const stranger = await f.user((await f.organization()).id, 'HIRING_LEAD');
      const strangerCookie = await signIn(t.baseUrl, stranger.email, stranger.password);
      expect((await api(`/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`, strangerCookie, { method: 'POST' })).status).toBe(404);

      ats.state.status = 200;
      expect((await api(`/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`, cookie, { method: 'POST' })).status).toBe(202);
      await until(async () => (await deliveries())[0]?.deliveredAt !== null);
      expect((await deliveries())[0]).toMatchObject({ attempts: 2, lastStatus: 200 });
      expect(ats.state.hits).toBe(2);
      expect((await api(`/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`, cookie, { method: 'POST' })).status).toBe(409);
    } finally {
      await ats.close();
    }
  });

  it('shows whether a key exists and its prefix, never the key; rotating replaces it', async () => {
    const org = await f.organization();
    const admin = await f.user(org.id, 'ADMIN');
    const cookie = await signIn(t.baseUrl, admin.email, admin.password);
    expect(apiKeyStatus.parse(await (await api('/organization/api-key', cookie)).json())).toEqual({ configured: false, prefix: null, createdAt: null });
    const first = createdApiKey.parse(await (await api('/organization/api-key', cookie, { method: 'POST' })).json());
    expect(first.apiKey.startsWith(first.prefix)).toBe(true);
    const status = await (await api('/organization/api-key', cookie)).text();
    expect(apiKeyStatus.parse(JSON.parse(status))).toMatchObject({ configured: true, prefix: first.prefix });
    expect(status).not.toContain(first.apiKey);
    const second = createdApiKey.parse(await (await api('/organization/api-key', cookie, { method: 'POST' })).json());
    const v1 = (key: string) => fetch(`${t.baseUrl}/api/v1/assessments`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await v1(first.apiKey)).status).toBe(401);
    expect((await v1(second.apiKey)).status).toBe(200);
    const lead = await f.user(org.id, 'HIRING_LEAD');
    expect((await api('/organization/api-key', await signIn(t.baseUrl, lead.email, lead.password))).status).toBe(403);
  });
});
