import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { WebhooksService } from '../../apps/api/src/webhooks/webhooks.service';
import { launchBrowser, screenshot } from '../support/browser';

describe('webhooks and API key pages in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let f: Factories;
  let server: Server;
  let atsUrl: string;
  const ats = { status: 500, hits: 0 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        ats.hits++;
        res.statusCode = ats.status;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    atsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    t = await startTestApp('integrations_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      WEBHOOK_ALLOW_INTERNAL_TARGETS: 'true',
      WEBHOOK_MAX_ATTEMPTS: '1',
    });
    f = new Factories(t.config.DATABASE_URL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
    await new Promise((r) => server?.close(r));
  });

  async function signedIn(user: { email: string; password: string }, next: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${t.baseUrl}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Account:/ }).waitFor();
    return page;
  }

  it('creates a webhook (field errors shown), shows its secret once, lists a failed delivery and retries it', async () => {
    const org = await f.organization();
    const lead = await f.user(org.id, 'HIRING_LEAD');
    const page = await signedIn(lead, '/settings/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

    await page.getByLabel('Endpoint URL').fill('ftp://nope');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByText('must be an http:// or https:// URL').waitFor();
    await page.getByText('pick at least one event').waitFor();
    await screenshot(page, 'webhooks-validation');

    await page.getByLabel('Endpoint URL').fill(atsUrl);
    await page.getByRole('checkbox', { name: 'submission.created' }).check();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await expect(page.getByLabel('Signing secret', { exact: true }).innerText()).resolves.toMatch(/^whsec_/);

    await t.app.get(WebhooksService).emit(org.id, 'submission.created', { submissionId: 'sub-1' });
    const card = page.getByLabel(`Webhook ${atsUrl}`, { exact: true });
    await card.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('table', { name: `Deliveries to ${atsUrl}` });
    await log.getByText('Failed: HTTP 500').waitFor({ timeout: 15_000 });
    await screenshot(page, 'webhooks-failed-delivery');

    ats.status = 200;
    await log.getByRole('button', { name: 'Retry' }).click();
    await log.getByText('Delivered').waitFor({ timeout: 15_000 });
    expect(ats.hits).toBe(2);
    await screenshot(page, 'webhooks-delivered');
  });

  it('shows the API key prefix, never the key after the one showing, and rotates with confirmation', async () => {
    const org = await f.organization();
    const admin = await f.user(org.id, 'ADMIN');
    const page = await signedIn(admin, '/');
    // An admin lands on the lead's home too; integrations are one header entry with a tab per page.
    await page.getByRole('heading', { name: 'What needs your action' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitem', { name: 'Integrations' }).click();
    await page.getByRole('tab', { name: 'API key' }).click();
    await page.waitForURL(`${t.baseUrl}/settings/api-key`);
    await page.getByText('No key yet').waitFor();
    await page.getByRole('button', { name: 'Create key' }).click();
    const first = await page.getByLabel('New API key', { exact: true }).innerText();
    expect(first).toMatch(/^thk_/);
    await page.getByLabel('Current key').getByText(`${first.slice(0, 12)}…`).waitFor();

    await page.reload();
    await page.getByLabel('Current key').getByText(`${first.slice(0, 12)}…`).waitFor();
    expect(await page.content()).not.toContain(first);
    await page.getByRole('button', { name: 'Rotate key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the API key?' });
    await screenshot(page, 'api-key-rotate');
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    const second = await page.getByLabel('New API key', { exact: true }).innerText();
    expect(second).not.toBe(first);
    expect((await fetch(`${t.baseUrl}/api/v1/assessments`, { headers: { Authorization: `Bearer ${first}` } })).status).toBe(401);
    await screenshot(page, 'api-key-page');
  });
});
