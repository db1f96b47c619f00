import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

describe('status page (web app served by the API)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: { email: string; password: string };
  let lead: { email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp('status_page', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
    });
    // An installed platform: with no organization at all, the app would open first-run set-up instead.
    const factories = new Factories(t.config.DATABASE_URL);
    const org = await factories.organization();
    admin = await factories.user(org.id, 'ADMIN');
    lead = await factories.user(org.id, 'HIRING_LEAD');
    await factories.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, user: { email: string; password: string }) {
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  // Deliberately changed (issue 15): the status page used to be public and the landing page of everyone; it
  // names the infrastructure, so it is for admins only, and leads land on what needs their action instead.
  it('is not public: a visitor is sent to sign in, and a lead is told the page is not for their role', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.baseUrl}/status`);
    await page.waitForURL(/\/login\?next=%2Fstatus$/);
    expect(await page.content()).not.toContain('PostgreSQL');
    await signIn(page, lead);
    await page.getByText('Not available to your role').waitFor();
    expect(await page.content()).not.toContain('Platform status');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('menuitem', { name: 'Integrations' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Status' }).count()).toBe(0);
  });

  it('shows an admin each dependency as reported by /health', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.baseUrl}/login?next=%2Fstatus`);
    await signIn(page, admin);
    await page.getByRole('heading', { name: 'Platform status' }).waitFor();
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
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const api = await fetch(`${t.baseUrl}/api/does-not-exist`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
