import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

describe('queue dashboard (bull-board, served by the API)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp('operators', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    const factories = new Factories(t.config.DATABASE_URL);
    admin = await factories.user((await factories.organization()).id, 'ADMIN');
    await factories.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends an admin through sign-in to the dashboard, which shows the run queues and calls nothing outside', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const outside = new Map<string, string>();
    const isOutside = (url: string) => !url.startsWith('data:') && !['127.0.0.1', 'localhost'].includes(new URL(url).hostname);
    page.on('request', (request) => {
      if (isOutside(request.url())) outside.set(request.url(), 'sent');
    });
    page.on('requestfailed', (request) => {
      if (isOutside(request.url())) outside.set(request.url(), request.failure()?.errorText ?? 'failed');
    });
    await page.goto(`${t.baseUrl}/admin/queues`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fqueues$/);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${t.baseUrl}/admin/queues`);
    await page.getByText('grading', { exact: true }).first().waitFor();
    await expect(page.getByText('practice', { exact: true }).first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'queue-dashboard');
    // bull-board's page links a web-font stylesheet on an outside host: the CSP stops the browser before it
    // leaves the machine (Chromium reports the blocked attempt as a failed request).
    for (const [url, fate] of outside) expect(fate, url).toBe('csp');
  });
});
