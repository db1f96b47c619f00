import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { startOidcProvider, type TestOidcProvider } from '../../apps/api/test/support/oidc-provider';
import { freePort } from '../../apps/api/test/support/sso-flow';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';

describe('company sign-in in the browser, through a real OpenID provider', () => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let factories: Factories;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp('sso_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      // The test provider listens on loopback over plain http.
      OIDC_ALLOW_INSECURE_ISSUERS: 'true',
    });
    idp = await startOidcProvider([`${t.baseUrl}/api/auth/sso/callback`]);
    factories = new Factories(t.config.DATABASE_URL);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await factories?.close();
    await idp?.close();
    await t?.close();
  });

  it('an admin configures the provider; a new colleague clicks "Sign in with Okta" and lands signed in', async () => {
    const org = await factories.organization('Acme');
    const admin = await factories.user(org.id, 'ADMIN');
    const domain = `acme-${randomUUID().slice(0, 6)}.test`;

    // The admin's settings page, filled in through the form.
    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await adminPage.context().addCookies([{ name: 'takehome_session', value: (await signIn(t.baseUrl, admin.email, admin.password)).split('=')[1], url: t.baseUrl }]);
    await adminPage.goto(`${t.baseUrl}/settings/sso`);
    await adminPage.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await adminPage.getByText('Client secret is required').waitFor();
    await adminPage.getByRole('textbox', { name: 'Button name' }).fill('Okta');
    await adminPage.getByRole('textbox', { name: 'Issuer URL' }).fill(idp.issuer);
    await adminPage.getByRole('textbox', { name: 'Client ID' }).fill(idp.clientId);
    await adminPage.getByLabel('Client secret').fill(idp.clientSecret);
    await adminPage.getByRole('combobox', { name: 'Allowed email domains' }).fill(domain);
    await adminPage.keyboard.press('Enter');
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await adminPage.getByText('Not used yet').waitFor();
    // The secret is write-only: after the save the field is empty and the page never holds it.
    await expect(adminPage.getByLabel('Client secret').inputValue()).resolves.toBe('');
    expect(await adminPage.content()).not.toContain(idp.clientSecret);
    // The header is fixed: from the top, a full-page screenshot shows it where a person sees it.
    await adminPage.evaluate(() => window.scrollTo(0, 0));
    await screenshot(adminPage, 'sso-settings');

    // A colleague opens the organization's direct link and signs in through the provider's own form.
    const email = `new.colleague@${domain}`;
    idp.setAccount('new-colleague', { email, email_verified: true, name: 'New Colleague' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.baseUrl}/login?org=${org.slug}&next=%2Freview`);
    const button = page.getByRole('link', { name: 'Sign in with Okta', exact: true });
    await button.waitFor();
    await screenshot(page, 'login-with-sso');
    await button.click();
    await page.waitForURL(`${idp.issuer}/**`);
    await page.locator('input[name="login"]').fill('new-colleague');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${t.baseUrl}/review`);
    await page.getByRole('button', { name: 'Account: New Colleague' }).waitFor();

    // The provider has now proved it works, so the admin may switch password sign-in off.
    await adminPage.reload();
    await adminPage.getByText(/Working since/).waitFor();
    await adminPage.getByRole('switch', { name: 'Turn off password sign-in for this organization' }).check();
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // A password login for a member is then refused, and the provider's button is offered instead.
    const later = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await later.goto(`${t.baseUrl}/login`);
    await later.getByLabel('Email').fill(email);
    await later.getByRole('textbox', { name: 'Password' }).fill('a password they never had');
    await later.getByRole('button', { name: 'Sign in', exact: true }).click();
    await later.getByRole('alert').filter({ hasText: 'Your organization signs in with Okta: use "Sign in with Okta".' }).waitFor();
    await later.getByRole('link', { name: 'Sign in with Okta', exact: true }).waitFor();
    await screenshot(later, 'login-password-off');
  });

  it('finds the provider from a work email, and explains a refused sign-in on the login page', async () => {
    const org = await factories.organization('Globex');
    const admin = await factories.user(org.id, 'ADMIN');
    const domain = `globex-${randomUUID().slice(0, 6)}.test`;
    const res = await fetch(`${t.baseUrl}/api/organization/sso`, {
      method: 'PUT',
      headers: { cookie: await signIn(t.baseUrl, admin.email, admin.password), 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Globex ID',
        issuerUrl: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedDomains: [domain],
        joinPolicy: 'DOMAIN',
        defaultRole: 'REVIEWER',
        passwordSignInDisabled: false,
      }),
    });
    expect(res.status).toBe(200);
    idp.setAccount('unverified', { email: `unverified@${domain}`, email_verified: false });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('button', { name: 'Use single sign-on (SSO)' }).click();
    await page.getByRole('textbox', { name: 'Work email' }).fill('someone@nowhere.test');
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    await page.getByText('There is no single sign-on for this address.').waitFor();
    await page.getByRole('textbox', { name: 'Work email' }).fill(`unverified@${domain}`);
    await page.getByRole('button', { name: 'Continue with SSO' }).click();
    await page.waitForURL(`${idp.issuer}/**`);
    await expect(page.locator('input[name="login"]').inputValue()).resolves.toBe(`unverified@${domain}`);
    await page.locator('input[name="login"]').fill('unverified');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${t.baseUrl}/login?error=sso_email_unverified`);
    await page.getByRole('alert').filter({ hasText: 'Email not verified' }).waitFor();
    await screenshot(page, 'login-sso-refused');
  });
});
