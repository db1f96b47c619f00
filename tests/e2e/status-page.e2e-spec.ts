import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

describe('status page (web app served by the API)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp('status_page', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
    });
    // An installed platform: with no organization at all, the app would open first-run set-up instead.
    const factories = new Factories(t.config.DATABASE_URL);
    await factories.organization();
    await factories.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows each dependency as reported by /health', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.baseUrl}/`);
    await expect(page.getByRole('heading', { name: 'Platform status' }).isVisible()).resolves.toBe(true);
    await page.getByText('All systems up').waitFor();
    for (const name of ['PostgreSQL', 'Redis', 'Docker engine', 'Disk space']) {
      await expect(page.getByLabel(`${name} status`).innerText()).resolves.toMatch(/\bUP\b[\s\S]*answered in \d+ ms/);
    }
    await screenshot(page, 'status-page');
  });

  it('serves client-side routes with the app, and API 404s as JSON', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${t.baseUrl}/status`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Platform status' }).waitFor();
    const api = await fetch(`${t.baseUrl}/api/does-not-exist`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
