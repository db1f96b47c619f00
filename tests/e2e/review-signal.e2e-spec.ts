import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { captureMail, ReviewFactories } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

const solution = (() => {
  const dir = path.resolve(__dirname, '../../challenges/url-shortener/solutions/node20');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
})();

describe('review signal in the browser: playback, similarity, line comments', () => {
  let t: TestApp;
  let browser: Browser;
  let factories: Factories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('review_signal_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://takehome.test',
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

  async function pageAs(user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const [name, value] = (await signIn(t.baseUrl, user.email, user.password)).split('=');
    await context.addCookies([{ name, value, url: t.baseUrl }]);
    return page;
  }

  it('a reviewer scrubs the playback, opens a similarity flag, and a shared line comment reaches the released feedback', async () => {
    const reviews = new ReviewFactories(factories);
    const scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    const [r1] = scene.reviewers;
    await reviews.assign(scene.submission.id, r1.id);
    const prisma = factories.prisma;
    await prisma.submission.update({ where: { id: scene.submission.id }, data: { files: solution } });
    // A second candidate's near-copy: names changed, a comment added.
    const copy = await reviews.submission(scene.org.id, scene.assessment);
    const disguised = Object.fromEntries(Object.entries(solution).map(([p, c]) => [p, `${c.replace(/\blink\b/g, 'entry')}\n// all mine\n`]));
    await prisma.submission.update({ where: { id: copy.submission.id }, data: { files: disguised } });

    // Autosave history: three saves of server.js over the attempt, and a practice run between them.
    const attempt = await prisma.attempt.findUniqueOrThrow({ where: { id: scene.submission.attemptId } });
    const at = (minutes: number) => new Date(attempt.startedAt.getTime() + minutes * 60_000);
    for (const [minutes, text] of [[0, '// starter\n'], [20, '// first draft\nconst http = require("node:http");\n'], [70, solution['server.js']!]] as const) {
      await prisma.draftRevision.create({ data: { attemptId: attempt.id, path: 'server.js', kind: 'FULL', content: text, savedAt: at(minutes) } });
    }
    await prisma.run.create({
      data: { kind: 'PRACTICE', status: 'FINISHED', outcome: 'COMPLETED', attemptId: attempt.id, challengeVersionId: scene.assessment.challengeVersionId, runtime: 'node20', suite: 'visible', files: {}, score: 5, maxScore: 7, queuedAt: at(45) },
    });

    const page = await pageAs(r1);
    await page.goto(`${t.baseUrl}/review/${scene.submission.id}`);
    await page.getByRole('heading', { name: scene.invitation.pseudonym }).waitFor();

    // Playback: scrub back to the first save with the keyboard, then one step forward.
    await page.getByRole('tab', { name: 'Playback' }).click();
    await page.getByText('Save 3 of 3').waitFor();
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByText('Save 1 of 3 · +0:00 after start').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Save 2 of 3 · +0:20 after start').waitFor();
    await page.getByText('// first draft').waitFor();
    await page.getByRole('table', { name: 'Practice runs' }).getByText('5 / 7').waitFor();
    await screenshot(page, 'review-playback');

    // Similarity: the near-copy is flagged under its pseudonym; a fragment opens side by side.
    await page.getByRole('tab', { name: /Similarity/ }).click();
    const card = page.getByLabel(`Similar to ${copy.invitation.pseudonym}`);
    await card.waitFor();
    await card.getByRole('button').first().click();
    await page.getByLabel(`${copy.invitation.pseudonym}'s matching lines`).waitFor();
    expect(await page.content()).not.toContain(copy.invitation.candidateName);
    await screenshot(page, 'review-similarity');

    // Line comments: one shared and cited, one private.
    await page.getByRole('tab', { name: 'Line comments' }).click();
    const form = page.getByRole('form', { name: 'New line comment' });
    await form.getByRole('combobox', { name: 'File' }).click();
    await page.getByRole('option', { name: 'server.js' }).click();
    await form.getByRole('textbox', { name: 'Line' }).fill('3');
    await form.getByRole('textbox', { name: 'Comment' }).fill('Clear journal design: replaying the log rebuilds state after a crash.');
    await form.getByRole('combobox', { name: 'Evidence for criterion' }).click();
    await page.getByRole('option').first().click();
    await form.getByRole('checkbox', { name: /Share with the candidate/ }).check();
    await form.getByRole('button', { name: 'Add comment' }).click();
    await page.getByText('Shared with candidate').waitFor();
    await form.getByRole('textbox', { name: 'Comment' }).fill('PRIVATE NOTE: check this against the rubric anchors.');
    await form.getByRole('checkbox', { name: /Share with the candidate/ }).uncheck();
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => page.getByLabel('Comment on server.js:3').count()).toBe(2);
    // The cited comment shows under its criterion, beside the levels.
    await page.getByLabel('Cited line comments').getByText('server.js:3').first().waitFor();
    await screenshot(page, 'review-line-comments');

    // Submit the review (on the Files tab: the comment form's segmented control is a radio group too).
    await page.getByRole('tab', { name: 'Files' }).click();
    const criteria = page.getByRole('radiogroup');
    const count = (await criteria.count()) - 1;
    for (let i = 0; i < count; i++) await criteria.nth(i).getByRole('radio', { name: /^3 · / }).check();
    await page.getByText('Yes', { exact: true }).click();
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByRole('dialog', { name: 'Submit this review?' }).getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('It is final.').waitFor();

    // The lead sees the shared comment beside the composer and releases.
    const lead = await pageAs(scene.lead);
    await lead.goto(`${t.baseUrl}/review/feedback/${scene.submission.id}`);
    await lead.getByLabel('Line comments reviewers shared').getByText('Clear journal design').waitFor();
    expect(await lead.content()).not.toContain('PRIVATE NOTE');
    await lead.getByRole('textbox', { name: 'Feedback message' }).fill('Thank you. Notes on your code are below.');
    await screenshot(lead, 'feedback-with-line-comments');
    await lead.getByRole('button', { name: 'Release to candidate' }).click();
    await lead.getByRole('dialog').getByRole('button', { name: /^Release (and email|anyway)$/ }).click();
    await lead.getByText(/was emailed at/).waitFor();

    const mail = smtp.messages.find((m) => m.to.includes(scene.invitation.candidateEmail))!;
    const link = /https?:\/\/\S+\/a\/[\w-]+\?to=feedback/.exec(mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![0];
    const candidate = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await candidate.goto(link.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    await candidate.waitForURL(`${t.baseUrl}/candidate/feedback`);
    const comments = candidate.getByLabel('Comments on your code');
    await comments.getByText('Clear journal design').waitFor();
    await comments.getByText('server.js, line 3').waitFor();
    expect(await candidate.content()).not.toContain('PRIVATE NOTE');
    await screenshot(candidate, 'candidate-feedback-line-comments');
  });

  it('tells the candidate on the landing page that the code history is kept and shown to reviewers', async () => {
    const cf = new CandidateFactories(factories);
    const { link } = await cf.invitation(await cf.scene());
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1100 } })).newPage();
    await page.goto(`${t.baseUrl}${link}`);
    await page.getByText(/Every autosave is kept as a history of your code\./).waitFor();
    await screenshot(page, 'candidate-landing-code-history');
  });

  it('shows the hidden suite strength beside verification on the authoring page', async () => {
    const scene = await new ReviewFactories(factories).reviewScene();
    const page = await pageAs(scene.lead);
    await page.goto(`${t.baseUrl}/challenges/${scene.version.challengeId}/versions/${scene.version.id}`);
    await page.getByRole('tab', { name: 'Verify' }).click();
    await page.getByLabel('Suite verification').getByText(/each of the \d+ shipped mutants/).waitFor();
    await screenshot(page, 'verify-suite-strength');
  });

  it("lists the organization's similarity flags for the lead and opens the side-by-side view", async () => {
    const reviews = new ReviewFactories(factories);
    const scene = await reviews.reviewScene();
    await factories.prisma.submission.update({ where: { id: scene.submission.id }, data: { files: solution } });
    const other = await reviews.assessment(scene.org.id, scene.assessment.challengeVersionId, { blindReview: false });
    const copy = await reviews.submission(scene.org.id, other);
    const disguised = Object.fromEntries(Object.entries(solution).map(([p, c]) => [p, `${c.replace(/\blink\b/g, 'entry')}\n// all mine\n`]));
    await factories.prisma.submission.update({ where: { id: copy.submission.id }, data: { files: disguised } });

    const page = await pageAs(scene.lead);
    await page.goto(`${t.baseUrl}/review/similarity`);
    const table = page.getByRole('table', { name: 'Similarity flags' });
    const row = table.getByRole('row').filter({ hasText: 'URL shortener' });
    await row.waitFor();
    // The lead is not assigned to either, so the identity rule shows both names, with the pseudonyms beside them.
    expect(await row.textContent()).toContain(copy.invitation.candidateName);
    expect(await row.textContent()).toContain(other.name);
    await screenshot(page, 'similarity-flags');
    await row.getByRole('link', { name: copy.invitation.candidateName }).click();
    // The lead is assigned to neither, so the side-by-side view opens on its own page, pseudonyms only.
    await page.waitForURL(`${t.baseUrl}/review/similarity/${copy.submission.id}`);
    const card = page.getByLabel(`Similar to ${scene.invitation.pseudonym}`);
    await card.waitFor();
    await card.getByRole('button').first().click();
    await page.getByLabel(`${scene.invitation.pseudonym}'s matching lines`).waitFor();
    expect(await page.content()).not.toContain(copy.invitation.candidateName);
    await screenshot(page, 'similarity-flag-side-by-side');

    // A threshold below what tells copies from independent work is refused on the page, before any request.
    await page.goto(`${t.baseUrl}/review/similarity`);
    await row.waitFor();
    await page.getByRole('textbox', { name: /Threshold/ }).fill('10');
    await page.getByText('From 40 to 100').waitFor();
  });
});
