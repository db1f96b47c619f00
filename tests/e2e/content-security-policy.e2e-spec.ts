import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { importBuiltInChallenges } from '../../apps/api/src/seed/seed';
import { launchBrowser, screenshot } from '../support/browser';
import { typeIntoEditor, waitSaved } from '../support/candidate-browser';

/**
 * The built app under the Content-Security-Policy the API sends in production: every violation the browser
 * reports (securitypolicyviolation events, "Content Security Policy" console errors) fails the test.
 */
describe('the app under its Content-Security-Policy', () => {
  let t: TestApp;
  let browser: Browser;
  let f: Factories;
  const violations: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('csp_browser', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    f = new Factories(t.config.DATABASE_URL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
  });

  async function watchedPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    // Installed by the browser itself (not an inline script), so the policy does not block the watcher.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    return page;
  }

  it('signs in, lists assessments and opens the candidate workspace with its editor, with no violation', async () => {
    const org = await f.organization('CSP');
    const lead = await f.user(org.id, 'HIRING_LEAD');
    await importBuiltInChallenges(f.prisma, org.id);
    const page = await watchedPage();
    const response = await page.goto(`${t.baseUrl}/login?next=%2Fassessments`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Email').fill(lead.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(lead.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/assessments$/);
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    await page.goto(`${t.baseUrl}/challenges`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'csp-1-hiring');

    const cf = new CandidateFactories(f);
    const scene = await cf.scene();
    const { token } = await cf.invitation(scene);
    const candidate = await watchedPage();
    await candidate.goto(`${t.baseUrl}/a/${token}`);
    await candidate.getByRole('button', { name: /Start the assessment/ }).click();
    await candidate.getByRole('timer', { name: 'Time left' }).waitFor();
    await candidate.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeIntoEditor(candidate, "// written under the policy\nconsole.log('ok');\n");
    await waitSaved(candidate);
    await screenshot(candidate, 'csp-2-candidate-workspace');
    expect(violations).toEqual([]);
  });
});
