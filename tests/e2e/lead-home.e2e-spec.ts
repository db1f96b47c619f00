import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient, CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { captureMail } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

/** Reviews arrive by themselves; the lead lands on what needs action, grades a failure again, releases with care. */
describe("the reviewer's queue and the lead's home in the browser", () => {
  let t: TestApp;
  let browser: Browser;
  let f: Factories;
  let cf: CandidateFactories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('lead_home_browser', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'), SMTP_URL: smtp.url });
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
    await smtp?.close();
  });

  /** Signs in through the login page opened at "/", so the test sees where each role lands. */
  async function landAs(user: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    let nativeDialogs = 0;
    page.on('dialog', (d) => {
      nativeDialogs++;
      void d.dismiss();
    });
    page.on('close', () => expect(nativeDialogs).toBe(0));
    await page.goto(`${t.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Account:/ }).waitFor();
    return page;
  }

  async function submitted(scene: Awaited<ReturnType<CandidateFactories['scene']>>) {
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    await client.open(token);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    expect((await client.json('POST', '/submit')).status).toBe(200);
    const submission = await f.prisma.submission.findFirstOrThrow({ where: { attempt: { invitationId: invitation.id } } });
    return { invitation, submission };
  }

  it('fills the queue without the lead, lists what needs action, grades again, and asks before releasing with a review missing', async () => {
    const scene = await cf.scene();
    const [r1, r2] = [await f.user(scene.org.id, 'REVIEWER'), await f.user(scene.org.id, 'REVIEWER')];
    const lead = await f.user(scene.org.id, 'HIRING_LEAD');
    const [a, b] = [await submitted(scene), await submitted(scene)];

    // Reviewer one signs in and lands on their queue, already holding both submissions, each with its due date.
    const reviewer = await landAs(r1);
    await reviewer.waitForURL(`${t.baseUrl}/review`);
    const queue = reviewer.getByRole('table', { name: 'Review queue' });
    for (const s of [a, b]) await queue.getByRole('row', { name: new RegExp(s.invitation.pseudonym) }).getByText(/^due in 2 days$/).waitFor();
    await screenshot(reviewer, 'lead-home-reviewer-queue');

    // Reviewer one submits a review of A in the browser (the app's own confirmation); B's grading fails on the platform.
    await queue.getByRole('row', { name: new RegExp(a.invitation.pseudonym) }).getByRole('link', { name: 'Review' }).click();
    await reviewer.getByRole('heading', { name: a.invitation.pseudonym }).waitFor();
    const criteria = reviewer.getByRole('radiogroup');
    const count = (await criteria.count()) - 1;
    for (let i = 0; i < count; i++) await criteria.nth(i).getByRole('radio').nth(2).check();
    await reviewer.getByText('Yes', { exact: true }).click();
    await reviewer.getByRole('button', { name: 'Submit review' }).click();
    await reviewer.getByRole('dialog', { name: 'Submit this review?' }).getByRole('button', { name: 'Submit review' }).click();
    await reviewer.getByText('It is final.').waitFor();
    await f.prisma.run.updateMany({ where: { submissionId: b.submission.id }, data: { status: 'FINISHED', outcome: 'ERROR', finishedAt: new Date() } });

    // The lead lands on their home, not on the infrastructure status page.
    const page = await landAs(lead);
    await page.getByRole('heading', { name: 'What needs your action' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.title()).toBe('Home · Takehome');
    const waiting = page.getByRole('table', { name: 'Waiting for review' });
    await waiting.getByRole('row', { name: new RegExp(`${a.invitation.pseudonym}.*1 of 2 in`) }).waitFor();
    await waiting.getByRole('row', { name: new RegExp(`${b.invitation.pseudonym}.*0 of 2 in`) }).waitFor();
    const failed = page.getByRole('table', { name: 'Failed gradings' });
    await failed.getByRole('row', { name: new RegExp(b.invitation.pseudonym) }).waitFor();
    expect(await page.content()).not.toContain(a.invitation.candidateName);
    await screenshot(page, 'lead-home');

    // Grade again: a new grading run is queued through the runs service and the item leaves the list.
    await page.getByRole('button', { name: `Grade ${b.invitation.pseudonym} again` }).click();
    await page.getByRole('table', { name: 'Failed gradings' }).waitFor({ state: 'detached' });
    const runs = await f.prisma.run.findMany({ where: { submissionId: b.submission.id, kind: 'GRADING' }, orderBy: { queuedAt: 'asc' } });
    expect(runs.map((r) => r.status)).toEqual(['FINISHED', 'QUEUED']);
    await screenshot(page, 'lead-home-after-grade-again');

    // Releasing A with one of two reviews in asks first; cancelling releases nothing.
    await page.goto(`${t.baseUrl}/review/feedback/${a.submission.id}`);
    await page.getByRole('textbox', { name: 'Feedback message' }).fill('Thank you; here is what we saw.');
    await page.getByRole('button', { name: 'Release to candidate' }).click();
    const ask = page.getByRole('dialog', { name: '1 of 2 reviews in; release anyway?' });
    await ask.waitFor();
    await screenshot(page, 'release-confirmation');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await f.prisma.feedback.findUnique({ where: { submissionId: a.submission.id } }))?.releasedAt ?? null).toBeNull();
    await page.getByRole('button', { name: 'Release to candidate' }).click();
    await page.getByRole('dialog', { name: '1 of 2 reviews in; release anyway?' }).getByRole('button', { name: 'Release anyway' }).click();
    await page.getByText(`was emailed at ${a.invitation.candidateEmail}`).waitFor();
    expect((await f.prisma.feedback.findUniqueOrThrow({ where: { submissionId: a.submission.id } })).releasedAt).not.toBeNull();

    // The lead reassigns B: takes reviewer two's unsubmitted review away.
    await page.goto(`${t.baseUrl}/review/assign`);
    await page.getByRole('button', { name: `Unassign ${r2.name} from ${b.invitation.pseudonym}` }).click();
    await page.getByRole('button', { name: `Unassign ${r2.name} from ${b.invitation.pseudonym}` }).waitFor({ state: 'detached' });
    expect(await f.prisma.reviewAssignment.count({ where: { submissionId: b.submission.id, reviewerId: r2.id } })).toBe(0);

    // Review settings: who reviews this assessment and how long they have; a bad value is an error, not corrected.
    await page.goto(`${t.baseUrl}/assessments/${scene.assessment.id}`);
    const form = page.getByRole('form', { name: 'Review settings form' });
    const sla = form.getByRole('textbox', { name: 'Time to review (hours)' });
    await sla.fill('0');
    await form.getByText('Time to review must be at least 1 hour').waitFor();
    await expect(sla.inputValue()).resolves.toBe('0');
    await sla.fill('24');
    await form.getByRole('combobox', { name: /^Reviewers/ }).or(form.getByRole('textbox', { name: /^Reviewers/ })).first().click();
    await page.getByRole('option', { name: new RegExp(r1.name) }).click();
    await form.getByText(/Each submission needs 2 reviewers; with 1 listed it gets 1/).waitFor();
    await screenshot(page, 'assessment-review-settings');
    await form.getByRole('button', { name: 'Save review settings' }).click();
    await form.getByText('Saved.').waitFor();
    const saved = await f.prisma.assessment.findUniqueOrThrow({ where: { id: scene.assessment.id }, include: { reviewers: true } });
    expect([saved.reviewSlaHours, saved.reviewers.map((r) => r.userId)]).toEqual([24, [r1.id]]);
    await page.close();
    await reviewer.close();
  });
});
