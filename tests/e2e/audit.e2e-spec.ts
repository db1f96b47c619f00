import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { ReviewFactories } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { launchBrowser, screenshot } from '../support/browser';

describe('audit trail page (browser)', () => {
  let t: TestApp;
  let f: Factories;
  let browser: Browser;
  let page: Page;
  let scene: Awaited<ReturnType<ReviewFactories['reviewScene']>>;
  let admin: Awaited<ReturnType<Factories['user']>>;

  beforeAll(async () => {
    t = await startTestApp('audit_browser', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    f = new Factories(t.config.DATABASE_URL);
    const reviews = new ReviewFactories(f);
    scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    admin = await f.user(scene.org.id, 'ADMIN');
    const other = await reviews.submission(scene.org.id, scene.assessment);
    // A day's worth of trail around the one event the admin is after, recorded as the API records them.
    const audit = t.app.get(AuditService);
    const { org, lead, reviewers, submission, invitation } = scene;
    await audit.record(org.id, lead.id, 'review.assigned', { type: 'Submission', id: submission.id }, { reviewerId: reviewers[0].id, mode: 'manual' });
    await audit.record(org.id, reviewers[0].id, 'review.submitted', { type: 'Submission', id: submission.id }, { recommendation: 'YES' });
    await audit.record(org.id, lead.id, 'candidate.identity_viewed', { type: 'Invitation', id: invitation.id }, { via: 'candidate-report' }, { personal: { address: '198.51.100.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' } });
    await audit.record(org.id, lead.id, 'feedback.released', { type: 'Submission', id: submission.id }, { feedbackId: submission.id }, { personal: { address: '198.51.100.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' } });
    await audit.record(org.id, lead.id, 'feedback.released', { type: 'Submission', id: other.submission.id }, { feedbackId: other.submission.id });
    await audit.record(org.id, lead.id, 'invitation.extended', { type: 'Invitation', id: other.invitation.id }, { days: 3 });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
  });

  async function signIn(user: { email: string; password: string }) {
    await page.context().clearCookies();
    await page.goto(`${t.baseUrl}/login?next=%2Fstatus`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Account:/ }).waitFor();
  }

  it("lets an admin find a named candidate's feedback release in two clicks", async () => {
    await signIn(admin);
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };
    await click(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }));
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    expect(await page.title()).toBe('Audit trail · Takehome');

    // Part of the name is enough (typing is not a click), then one quick filter.
    const name = scene.invitation.candidateName;
    await page.getByRole('textbox', { name: 'Candidate' }).fill(name.split(' ')[1]);
    await click(page.getByRole('group', { name: 'Quick filters' }).getByText('Feedback released', { exact: true }));
    const table = page.getByRole('table', { name: 'Audit events' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('Feedback released');
    const text = await row.innerText();
    expect(text).toContain(scene.lead.name);
    expect(text).toContain(name);
    expect(text).toContain(scene.assessment.name);
    expect(text).toContain('198.51.100.7');
    expect(clicks).toBeLessThan(3);

    // The filters are in the URL (a link to this view works), and the export uses the same ones.
    const url = new URL(page.url());
    expect(url.pathname).toBe('/settings/audit');
    expect(url.searchParams.get('action')).toBe('feedback.released');
    expect(url.searchParams.get('candidate')).toBe(name.split(' ')[1]);
    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const exported = new URL(exportHref!, t.baseUrl);
    expect(exported.pathname).toBe('/api/audit/export.csv');
    expect(Object.fromEntries(exported.searchParams)).toEqual(Object.fromEntries(url.searchParams));
    await screenshot(page, 'audit-filtered');

    // The candidate's name leads to everything recorded about them.
    await row.getByRole('link', { name: `Every event about ${name}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('invitationId')).toBe(scene.invitation.id);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await page.getByRole('textbox', { name: 'Candidate' }).inputValue()).toBe('');

    await page.goto(`${t.baseUrl}/settings/audit`);
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(6);
    await screenshot(page, 'audit-trail');
  });

  it('filters from the keyboard and opens a shared link', async () => {
    await page.goto(`${t.baseUrl}/settings/audit?action=review.`);
    const table = page.getByRole('table', { name: 'Audit events' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Actor' }).focus();
    await page.keyboard.type(scene.reviewers[0].name);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().innerText()).toContain('Review submitted');

    // Pages of 50, newest first; older ones on demand.
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 50; i++) await audit.record(scene.org.id, scene.lead.id, 'invitation.resent', { type: 'Invitation', id: scene.invitation.id }, { i });
    await page.goto(`${t.baseUrl}/settings/audit`);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load older events' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(56);
    expect(await table.locator('tbody tr').last().innerText()).toContain('Review assigned');
    expect(await page.getByRole('button', { name: 'Load older events' }).count()).toBe(0);
  });

  it('is not in a hiring lead’s navigation', async () => {
    await signIn(scene.lead);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });
});
