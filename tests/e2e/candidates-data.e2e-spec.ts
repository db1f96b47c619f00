import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { PipelineFactories } from '../../apps/api/test/support/pipeline-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

/** An admin sets the retention period, and erases one candidate from the pipeline row, in the browser. */
describe("candidates' data in the browser", () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp('candidates_data', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'), RETENTION_SWEEP_INTERVAL_MS: '0' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
  });

  it('sets the retention period and erases one candidate with a confirmation', async () => {
    const pf = new PipelineFactories(f);
    const s = await pf.scene('LIVE', { name: 'Backend engineer, privacy' });
    const admin = await f.user(s.org.id, 'ADMIN');
    const { invitation } = await pf.invitee(s, { name: 'Erin Erasable', startedMinutesAgo: 300, submittedAfterMinutes: 60 });

    await page.goto(`${t.baseUrl}/login?next=%2Fsettings%2Fprivacy`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: "Candidates' data", level: 1 }).waitFor();
    await page.getByRole('switch', { name: "Erase finished candidates' personal data automatically" }).check({ force: true });
    await page.getByRole('textbox', { name: 'Days after the candidate finished' }).fill('90');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screenshot(page, 'privacy-settings');
    expect((await f.prisma.organization.findUniqueOrThrow({ where: { id: s.org.id } })).candidateRetentionDays).toBe(90);

    await page.goto(`${t.baseUrl}/assessments/${s.assessment.id}`);
    await page.getByRole('button', { name: 'Actions for Erin Erasable' }).click();
    await page.getByRole('menuitem', { name: 'Erase personal data' }).click();
    const dialog = page.getByRole('dialog', { name: "Erase Erin Erasable's personal data?" });
    await dialog.getByRole('button', { name: 'Erase personal data' }).waitFor();
    // Let the modal's opening transition finish, so the screenshot shows it settled.
    await page.waitForTimeout(400);
    await screenshot(page, 'privacy-erase-confirm');
    await dialog.getByRole('button', { name: 'Erase personal data' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Actions for Erased candidate' }).waitFor();
    expect((await f.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).candidateName).toBe('Erased candidate');
  });
});
