import { loadChallenge, packageFiles } from '@takehome/challenge';
import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { importBuiltInChallenges } from '../../apps/api/src/seed/seed';
import { launchBrowser, screenshot } from '../support/browser';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const URL_SHORTENER = path.resolve(__dirname, '../../challenges/url-shortener');

/** The challenge folder as a hiring lead would zip it: one top folder, with the prompt changed. */
async function zippedUrlShortener(promptSuffix: string): Promise<Buffer> {
  const files = packageFiles(await loadChallenge(URL_SHORTENER));
  files['prompt.md'] += promptSuffix;
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [`url-shortener/${p}`, strToU8(c)]))));
}

describe('challenge authoring in the browser (hiring lead)', () => {
  let t: TestApp;
  let factories: Factories;
  let worker: WorkerProcess;
  let browser: Browser;
  let page: Page;
  let lead: { email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp('authoring', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    factories = new Factories(t.config.DATABASE_URL);
    const org = await factories.organization('Authoring');
    lead = await factories.user(org.id, 'HIRING_LEAD');
    await importBuiltInChallenges(factories.prisma, org.id);
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await factories?.close();
    await t?.close();
  });

  // The steps share one browser page, in order, as one person's session would.
  it('sends a signed-out visitor to sign in, then back to the challenge list', async () => {
    await page.goto(`${t.baseUrl}/challenges`);
    await page.waitForURL(/\/login\?next=%2Fchallenges$/);
    await page.getByLabel('Email').fill(lead.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Could not sign in').waitFor();
    await screenshot(page, 'authoring-login-error');
    await page.getByRole('textbox', { name: 'Password' }).fill(lead.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/challenges$/);
    const table = page.getByRole('table', { name: 'Challenges' });
    await table.getByRole('link', { name: 'URL shortener with statistics' }).waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(6); // header + five built-in challenges
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Challenges' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'authoring-challenge-list');
  });

  it('shows a version: prompt, files with highlighting, tests and the anchored rubric', async () => {
    await page.getByRole('link', { name: 'URL shortener with statistics' }).click();
    // The prompt's own title is a heading too, so the page's is the first one.
    await page.getByRole('heading', { level: 1, name: 'URL shortener with statistics' }).first().waitFor();
    await page.getByRole('tabpanel').getByRole('heading').first().waitFor();
    await screenshot(page, 'authoring-version-prompt');

    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('tree', { name: 'Package files' }).getByText('server.js').first().click();
    await page.getByText('solutions/node20/server.js', { exact: true }).waitFor();
    await page.locator('.cm-content').getByText("require('node:http')").waitFor();
    // Highlighting means CodeMirror tokenized the file, not just printed it. The parser works in time slices
    // after the text is shown, so on a busy machine the tokens arrive a moment later: wait for them.
    await expect.poll(() => page.locator('.cm-content span[class^="ͼ"]').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await screenshot(page, 'authoring-version-files');
    // Keyboard only: the arrow key moves to the next file in the tree, Enter opens it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('solutions/node20/store.js', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Tests', exact: true }).click();
    await page.getByRole('tree', { name: 'Test files' }).getByText('hidden').waitFor();
    await screenshot(page, 'authoring-version-tests');
    await page.getByRole('tab', { name: 'Rubric' }).click();
    const criterion = page.getByLabel('Criterion: Behaviour matches the contract');
    await criterion.getByRole('row').nth(4).waitFor();
    await expect(criterion.getByRole('row').count()).resolves.toBe(5); // header + four levels
    await screenshot(page, 'authoring-version-rubric');
  });

  it('edits the prompt into a new version, showing located errors for an invalid rubric first', async () => {
    await page.getByRole('tab', { name: 'New version' }).click();
    await page.getByRole('button', { name: /Behaviour matches the contract/ }).click();
    await page.getByLabel('Level 1 evidence').first().fill('too short');
    await page.getByRole('button', { name: 'Save as new version' }).click();
    const problems = page.getByRole('list', { name: 'Problems found' });
    await problems.getByText('rubric.yaml: criteria[0].levels[0].descriptor').waitFor();
    await screenshot(page, 'authoring-new-version-errors');
    await page.getByRole('button', { name: 'Discard changes' }).click();

    const prompt = page.getByLabel('Prompt (Markdown)');
    await prompt.fill(`${await prompt.inputValue()}\n\n## Edited in the browser\n\nA note added by the hiring lead.\n`);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText('v2', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Edited in the browser' }).waitFor();
    await screenshot(page, 'authoring-version-2');
  });

  it('uploads a zipped folder as the next version', async () => {
    await page.getByRole('tab', { name: 'New version' }).click();
    const zip = await zippedUrlShortener('\n\n## Uploaded as a zip\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'url-shortener.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('v3', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Uploaded as a zip' }).waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = page.getByRole('table', { name: 'Versions' });
    // The list may show its cached copy for a moment before the refetch brings the new versions in.
    await versions.getByRole('link', { name: 'v2' }).waitFor();
    await expect(versions.getByRole('row').count()).resolves.toBe(4);
    await screenshot(page, 'authoring-versions');
  });

  it('verifies the version end to end with live progress per runtime', async () => {
    await page.getByRole('tab', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByLabel('Verification run node20').waitFor();
    await page.getByLabel('Verification run python3').waitFor();
    // Progress over the runtimes, with an estimate once one has finished (verification takes minutes).
    await page.getByLabel('Verification progress').getByText(/^\d+ of \d+ runtimes verified$/).waitFor();
    await screenshot(page, 'authoring-verify-progress');
    await page.getByRole('heading', { level: 1 }).locator('..').getByLabel('Verification: Verified').waitFor({ timeout: 180_000 });
    for (const runtime of ['node20', 'python3']) {
      await expect(page.getByRole('table', { name: `Test results (${runtime})` }).getByText('failed').count()).resolves.toBe(0);
    }
    await screenshot(page, 'authoring-verified');
  }, 240_000);

  it('signs out, after which team pages ask for a sign-in again', async () => {
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    // The page left behind may add ?next= to the sign-in URL; either way the sign-in form is what shows.
    await page.waitForURL(/\/login(\?|$)/);
    await page.getByRole('button', { name: 'Sign in' }).last().waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Challenges' }).count()).resolves.toBe(0);
    await page.goto(`${t.baseUrl}/challenges`);
    await page.waitForURL(/\/login\?next=%2Fchallenges$/);
  });
});
