import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { captureMail, ReviewFactories } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

describe('review and feedback in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let factories: Factories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('review_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      SMTP_URL: smtp.url,
    });
    factories = new Factories(t.config.DATABASE_URL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await factories?.close();
    await t?.close();
    await smtp?.close();
  });

  /**
   * A page signed in as this user: through the login page when the app has one, otherwise with the
   * session cookie the real login endpoint hands out (the login page is built in parallel).
   */
  let nativeDialogs = 0;

  async function pageAs(user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A native confirm() would be dismissed here and counted: the app must use its own dialogs.
    page.on('dialog', (dialog) => {
      nativeDialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${t.baseUrl}/login`);
    const email = page.getByLabel('Email', { exact: true });
    if (await email.waitFor({ timeout: 3_000 }).then(() => true, () => false)) {
      await email.fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: /^Account: / }).waitFor();
    } else {
      const [name, value] = (await signIn(t.baseUrl, user.email, user.password)).split('=');
      await context.addCookies([{ name, value, url: t.baseUrl }]);
    }
    return page;
  }

  async function reviewAs(user: { email: string; password: string }, pseudonym: string, levels: number[], recommendation: string, shots: string) {
    const page = await pageAs(user);
    await page.goto(`${t.baseUrl}/review`);
    const row = page.getByRole('row', { name: new RegExp(pseudonym) });
    await row.waitFor();
    if (shots === 'reviewer-1') await screenshot(page, 'review-queue');
    await row.getByRole('link', { name: 'Review' }).click();
    await page.getByRole('heading', { name: pseudonym }).waitFor();
    expect(await page.title()).toContain(pseudonym);
    // One radio group per criterion, then the recommendation's segmented control last.
    const criteria = page.getByRole('radiogroup');
    await expect(criteria.count()).resolves.toBe(levels.length + 1);
    for (const [i, level] of levels.entries()) {
      await criteria.nth(i).getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
      await page.getByRole('textbox', { name: /^Comment on / }).nth(i).fill(`${shots} evidence for criterion ${i + 1}`);
    }
    await page.getByText(recommendation, { exact: true }).click();
    await page.getByRole('textbox', { name: 'Summary' }).fill(`${shots}: overall a reasonable service.`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    if (shots === 'reviewer-1') {
      await screenshot(page, 'review-page-files');
      await page.getByRole('tab', { name: 'Diff vs starter' }).click();
      await page.getByLabel('Diff against the starter').waitFor();
      await screenshot(page, 'review-page-diff');
      await page.getByRole('tab', { name: 'Test results' }).click();
      await page.getByText('keeps links across a restart').waitFor();
      // Tests passed and points are two numbers; who saw a test is said in words.
      await expect(page.getByLabel('Grading summary').innerText()).resolves.toMatch(/^\d+ of \d+ tests passed(, \d+ skipped)? · [\d.]+ \/ [\d.]+ points$/);
      await expect(page.getByText('AFTER_PUBLISHED').count()).resolves.toBe(0);
      // A skipped test reads "skipped", not "failed".
      const skippedRow = page.getByRole('row', { name: /expires links after their ttl/ });
      await expect(skippedRow.getByText('skipped', { exact: true }).count()).resolves.toBe(1);
      await expect(skippedRow.getByText('failed', { exact: true }).count()).resolves.toBe(0);
      await screenshot(page, 'review-page-tests');
    }
    await page.getByRole('button', { name: 'Submit review' }).click();
    // The app's own confirmation, not the browser's.
    const confirm = page.getByRole('dialog', { name: 'Submit this review?' });
    await confirm.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('It is final.').waitFor();
    return page;
  }

  it('two reviewers grade blind, the lead sees the spread, releases feedback, and the candidate is emailed', async () => {
    const scene = await new ReviewFactories(factories).reviewScene();
    const [r1, r2] = scene.reviewers;
    await new ReviewFactories(factories).assign(scene.submission.id, r1.id, r2.id);
    const { candidateName, candidateEmail, pseudonym } = scene.invitation;

    const page1 = await reviewAs(r1, pseudonym, [3, 3, 2, 2, 3], 'Yes', 'reviewer-1');
    // Still blind for reviewer one: reviewer two has not submitted.
    expect(await page1.content()).not.toContain(candidateName);
    expect(await page1.content()).not.toContain(candidateEmail);
    await screenshot(page1, 'review-page-submitted');
    await reviewAs(r2, pseudonym, [1, 3, 4, 2, 3], 'No', 'reviewer-2');

    const lead = await pageAs(scene.lead);
    await lead.goto(`${t.baseUrl}/review/assign`);
    await lead.getByText(/α = /).waitFor();
    await screenshot(lead, 'review-assignments');

    await lead.goto(`${t.baseUrl}/review/feedback`);
    const row = lead.getByRole('row', { name: new RegExp(candidateName) });
    await row.getByText('2 of 2 submitted').waitFor();
    await screenshot(lead, 'feedback-queue');
    await row.getByRole('link', { name: 'Open' }).click();
    await lead.getByText('Calibration needed').waitFor();
    const table = lead.getByRole('table', { name: 'Scores side by side' });
    await expect(table.getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Criterion', r1.name, r2.name, 'Spread']);
    await expect(table.getByText('calibrate').count()).resolves.toBe(2);

    // Nothing from reviewers is in the draft until the lead inserts it.
    const firstCriterion = lead.getByRole('textbox', { name: /^Feedback on / }).first();
    await expect(firstCriterion.inputValue()).resolves.toBe('');
    await lead.getByRole('button', { name: /Insert reviewer comments/ }).first().click();
    await expect(firstCriterion.inputValue()).resolves.toContain('reviewer-1 evidence for criterion 1');
    await firstCriterion.fill('Create and redirect work well; expiry needs another look.');
    await lead.getByRole('textbox', { name: 'Feedback message' }).fill('Thank you for your submission. Here is what we saw.');
    await screenshot(lead, 'feedback-compose');
    await lead.getByRole('button', { name: 'Release to candidate' }).click();
    await lead.getByRole('dialog', { name: 'Release this feedback?' }).getByRole('button', { name: 'Release and email' }).click();
    await lead.getByText(`was emailed at ${candidateEmail}`).waitFor();
    await screenshot(lead, 'feedback-released');

    const mail = smtp.messages.find((m) => m.to.includes(candidateEmail));
    expect(mail?.raw).toMatch(/Subject: Your feedback for .* is ready/);
    const row_ = await factories.prisma.feedback.findUniqueOrThrow({ where: { submissionId: scene.submission.id } });
    expect(row_.criteria).toEqual([
      { criterionKey: expect.any(String), title: expect.any(String), comment: 'Create and redirect work well; expiry needs another look.' },
    ]);
    // The candidate opens the email's own feedback link in a browser that never saw the invitation.
    const text = mail!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const feedbackLink = /https?:\/\/\S+\/a\/[\w-]+\?to=feedback/.exec(text)?.[0];
    expect(feedbackLink).toBeDefined();
    const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const candidate = await candidateContext.newPage();
    await candidate.goto(feedbackLink!.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    await candidate.waitForURL(`${t.baseUrl}/candidate/feedback`);
    await candidate.getByText('Thank you for your submission. Here is what we saw.').waitFor();
    await candidate.getByText('Create and redirect work well; expiry needs another look.').waitFor();
    // Reviewer words the lead did not choose stay out.
    expect(await candidate.content()).not.toContain('reviewer-2 evidence');
    await screenshot(candidate, 'candidate-feedback');
    expect(nativeDialogs).toBe(0);
  });
});
