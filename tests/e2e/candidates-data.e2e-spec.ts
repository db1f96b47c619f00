import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { PipelineFactories } from '../../apps/api/test/support/pipeline-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

/**
 * An admin sets the retention period and erases one candidate from the pipeline row; a hiring lead erases another
 * from the candidate report, typing the name to confirm. In the browser.
 */
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

  it("erases a candidate from the report, once the lead has typed the candidate's name", async () => {
    const pf = new PipelineFactories(f);
    const s = await pf.scene('LIVE', { name: 'Backend engineer, report erasure' });
    const lead = await f.user(s.org.id, 'HIRING_LEAD');
    const { invitation } = await pf.invitee(s, { name: 'Rhea Requested', startedMinutesAgo: 200, submittedAfterMinutes: 50 });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const lp = await context.newPage();
    const report = `/assessments/${s.assessment.id}/invitations/${invitation.id}`;

    await lp.goto(`${t.baseUrl}/login?next=${encodeURIComponent(report)}`);
    await lp.getByLabel('Email').fill(lead.email);
    await lp.getByRole('textbox', { name: 'Password' }).fill(lead.password);
    await lp.getByRole('button', { name: 'Sign in' }).click();
    await lp.getByRole('heading', { name: 'Rhea Requested', level: 1 }).waitFor();

    await lp.getByRole('button', { name: 'Erase personal data…' }).click();
    const dialog = lp.getByRole('dialog', { name: "Erase Rhea Requested's personal data?" });
    const confirm = dialog.getByRole('button', { name: 'Erase personal data', exact: true });
    const typed = dialog.getByRole('textbox', { name: 'Type Rhea Requested to confirm' });
    // The field gets the focus once the dialog has opened; a part of the name does not unlock the button, the whole name does.
    await expect.poll(() => typed.evaluate((el) => el === document.activeElement)).toBe(true);
    await lp.keyboard.type('Rhea');
    expect(await typed.inputValue()).toBe('Rhea');
    expect(await confirm.isDisabled()).toBe(true);
    await lp.keyboard.press('Enter');
    expect(await f.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ candidateName: 'Rhea Requested' });
    await lp.keyboard.type(' Requested');
    expect(await confirm.isEnabled()).toBe(true);
    await lp.waitForTimeout(400);
    await screenshot(lp, 'report-erase-confirm');

    // Enter in the field confirms: the whole action works from the keyboard.
    await lp.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await lp.getByRole('status').filter({ hasText: 'Personal data erased' }).waitFor();
    await lp.getByRole('heading', { name: 'Erased candidate', level: 1 }).waitFor();
    await screenshot(lp, 'report-erased');
    // Seen again later, the report says when, and offers nothing left to erase.
    await lp.reload();
    await lp.getByText(/^Personal data erased /).waitFor();
    expect(await lp.getByRole('button', { name: 'Erase personal data…' }).count()).toBe(0);
    const erased = await f.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(erased.candidateName).toBe('Erased candidate');
    expect(erased.candidateEmail).toBe(`erased-${invitation.id}@erased.invalid`);
    expect(await f.prisma.auditEvent.count({ where: { organizationId: s.org.id, action: 'candidate.erased', subjectId: invitation.id, actorId: lead.id } })).toBe(1);
    await context.close();
  });
});
