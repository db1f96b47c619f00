import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { Mailbox, tokenIn } from '../../apps/api/test/support/mailbox';
import { ReviewFactories } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

const ADMIN = { org: 'Northwind Hiring', name: 'Grace Admin', email: 'grace@northwind.example', password: 'copper kettle winter sparrow' };
const REVIEWER = { name: 'Rui Reviewer', email: 'rui@northwind.example', password: 'mossy bridge under lantern' };

/**
 * A team brings itself in on an empty installation: first-run set-up, an invitation read from the email the API
 * wrote, the reviewer joining in a second browser, and the admin deactivating them mid-session.
 */
describe('accounts in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let mailbox: Mailbox;
  let factories: Factories;

  beforeAll(async () => {
    mailbox = await Mailbox.create();
    t = await startTestApp('accounts_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      MAIL_DIR: mailbox.dir,
    });
    factories = new Factories(t.config.DATABASE_URL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await factories?.close();
    await t?.close();
    await mailbox?.remove();
  });

  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

  it('sets up, invites a reviewer who joins, then deactivates them and signs them out at their next request', async () => {
    // First run: any page leads to set-up.
    const admin = await newPage();
    await admin.goto(`${t.baseUrl}/review`);
    await admin.getByRole('heading', { name: 'Set up Takehome' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/setup');
    expect(await admin.title()).toBe('Set up Takehome · Takehome');
    await screenshot(admin, 'accounts-setup');
    await admin.getByLabel('Organization name').fill(ADMIN.org);
    await admin.getByLabel('Your name').fill(ADMIN.name);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel(/^Password/).fill('password123');
    await admin.getByRole('button', { name: 'Create organization' }).click();
    await admin.getByText(/too easy to guess/).waitFor();
    await admin.getByLabel(/^Password/).fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create organization' }).click();

    // The creator lands signed in on the members page, the next step being to invite the team.
    await admin.getByRole('heading', { name: 'Members' }).waitFor();
    expect(await admin.title()).toBe('Members · Takehome');
    await admin.getByRole('button', { name: `Account: ${ADMIN.name}` }).waitFor();
    await admin.getByRole('button', { name: 'Invite member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(REVIEWER.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByRole('row', { name: new RegExp(REVIEWER.email) }).getByText('Invited', { exact: true }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(admin, 'accounts-members');

    // The reviewer, in a browser of their own, follows the link from the email.
    const link = tokenIn(await mailbox.waitFor(REVIEWER.email), '/accept-invitation/');
    const reviewer = await newPage();
    await reviewer.goto(`${t.baseUrl}/accept-invitation/${link}`);
    await reviewer.getByRole('heading', { name: `Join ${ADMIN.org}` }).waitFor();
    expect(await reviewer.title()).toBe('Accept invitation · Takehome');
    await screenshot(reviewer, 'accounts-accept-invitation');
    await reviewer.getByLabel('Your name').fill(REVIEWER.name);
    await reviewer.getByLabel(/^Password/).fill(REVIEWER.password);
    await reviewer.getByRole('button', { name: 'Join and sign in' }).click();
    await reviewer.getByRole('heading', { name: 'Review queue' }).waitFor();
    await reviewer.getByText('Nothing is waiting for your review.').waitFor();

    // The link worked once: opened again, it explains itself instead of failing.
    const again = await newPage();
    await again.goto(`${t.baseUrl}/accept-invitation/${link}`);
    await again.getByRole('heading', { name: 'This link was already used' }).waitFor();

    // A submission waits for the reviewer's grade when the admin deactivates them.
    const joined = await factories.prisma.user.findUniqueOrThrow({ where: { email: REVIEWER.email } });
    const reviews = new ReviewFactories(factories);
    const version = await reviews.challengeVersion(joined.organizationId);
    const { submission, invitation } = await reviews.submission(joined.organizationId, await reviews.assessment(joined.organizationId, version.id));
    await reviews.assign(submission.id, joined.id);
    await admin.reload();
    const row = admin.getByRole('row', { name: new RegExp(REVIEWER.name) });
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Deactivate ${REVIEWER.name}` }).click();
    const confirmation = admin.getByRole('dialog', { name: `Deactivate ${REVIEWER.name}?` });
    await confirmation.getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByText(`${REVIEWER.name} was deactivated and signed out everywhere`).waitFor();
    await confirmation.waitFor({ state: 'hidden' });
    await admin.getByRole('list', { name: 'Open review assignments' }).getByText(invitation.pseudonym, { exact: false }).waitFor();
    expect(await admin.getByRole('link', { name: 'Review assignments' }).getAttribute('href')).toBe('/review/assign');
    await row.getByText('Deactivated', { exact: true }).waitFor();
    await screenshot(admin, 'accounts-members-deactivated');

    // The reviewer's next request finds the session gone: the sign-in page, saying why.
    // (Through the home link, which reloads the reviewer's queue: the status page, once public and the first
    // click here, is for admins only since issue 15.)
    await reviewer.getByRole('link', { name: 'Takehome' }).click();
    await reviewer.getByText('Your session has ended. Sign in again to continue.').waitFor();
    expect(new URL(reviewer.url()).pathname).toBe('/login');
    await reviewer.getByLabel('Email').fill(REVIEWER.email);
    await reviewer.getByLabel(/^Password/).fill(REVIEWER.password);
    await reviewer.locator('form').getByRole('button', { name: 'Sign in' }).click();
    await reviewer.getByText('This account was deactivated by an administrator.', { exact: false }).waitFor();
    await screenshot(reviewer, 'accounts-login-deactivated');
  });

  it('resets a forgotten password from the sign-in page, and explains a bad link', async () => {
    const page = await newPage();
    await page.goto(`${t.baseUrl}/setup`);
    await page.getByRole('heading', { name: 'Takehome is already set up' }).waitFor();
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect.poll(() => page.title()).toBe('Forgot password · Takehome');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('Check your email').waitFor();

    const token = tokenIn(await mailbox.waitFor(ADMIN.email), '/reset-password/');
    await page.goto(`${t.baseUrl}/reset-password/${token}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await page.title()).toBe('Choose a new password · Takehome');
    await screenshot(page, 'accounts-reset-password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.getByText('New password must be at least 10 characters').waitFor();
    await page.getByLabel('New password').fill('amber tram over the dunes');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();

    await page.goto(`${t.baseUrl}/reset-password/${token}`);
    await page.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await page.goto(`${t.baseUrl}/reset-password/not-a-link-we-sent-at-all`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await screenshot(page, 'accounts-link-invalid');
  });
});
