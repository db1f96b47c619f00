import { loadChallenge, packageFiles } from '@takehome/challenge';
import { savedChallengeVersion } from '@takehome/contracts';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const URL_SHORTENER = path.resolve(__dirname, '../../challenges/url-shortener');

/** url-shortener narrowed to node20, with one mutant the hidden suite kills and one no test can see. */
async function fixtureZip(): Promise<Buffer> {
  const files: Record<string, string> = Object.fromEntries(
    Object.entries(packageFiles(await loadChallenge(URL_SHORTENER)))
      .filter(([p]) => !/^(starter|solutions)\/(?!node20\/)/.test(p))
      .map(([p, c]) => [p, p === 'challenge.yaml' ? c.replace(/^runtimes: \[.*\]$/m, 'runtimes: [node20]') : c]),
  );
  for (const f of ['mutant.yaml', 'mutant.patch']) {
    files[`mutants/node20/redirect-301/${f}`] = readFileSync(path.join(URL_SHORTENER, 'mutants/node20/redirect-301', f), 'utf8');
  }
  files['mutants/node20/comment-only/mutant.yaml'] = 'models: "A harmless note: no test can catch it."\ntargets: "nothing (a survivor on purpose)"\n';
  files['mutants/node20/comment-only/NOTES.md'] = 'Nothing here changes behaviour.\n';
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [p, strToU8(c)]))));
}

describe('suite verification on the authoring page (hiring lead)', () => {
  let t: TestApp;
  let factories: Factories;
  let worker: WorkerProcess;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp('suite_verification_browser', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    factories = new Factories(t.config.DATABASE_URL);
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await factories?.close();
    await t?.close();
  });

  it('starts a verification, shows runs done with the time left, then the kill rate and what caught each mutant', async () => {
    const org = await factories.organization('Suites');
    const lead = await factories.user(org.id, 'HIRING_LEAD');
    const cookie = await signIn(t.baseUrl, lead.email, lead.password);
    const imported = await fetch(`${t.baseUrl}/api/challenges/import`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/zip' }, body: await fixtureZip() });
    const v = savedChallengeVersion.parse(await imported.json());

    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: t.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/challenges/${v.challengeId}/versions/${v.versionId}`);
    await page.getByRole('tab', { name: 'Verify' }).click();
    const card = page.getByLabel('Suite verification', { exact: true });
    await card.getByText('have not been verified on the server yet').waitFor();

    await card.getByRole('textbox', { name: 'Runs each' }).fill('1');
    await card.getByRole('button', { name: 'Verify suites' }).click();
    // Progress: runs done out of the total (reference twice, two mutants once), then a measured time left.
    await card.getByText(/\/ 4 runs/).waitFor();
    await card.getByText(/about .* left \(.* per run\)/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'suite-verification-progress');

    const rate = card.getByLabel('Kill rate node20');
    await rate.waitFor({ timeout: 120_000 });
    expect(await rate.textContent()).toContain('50% (1/2)');
    const mutants = card.getByRole('table', { name: 'Mutants, node20' });
    const killed = mutants.getByRole('row').filter({ hasText: 'redirect-301' });
    expect(await killed.textContent()).toMatch(/killed1\/1 runs/);
    const survivor = mutants.getByRole('row').filter({ hasText: 'comment-only' });
    expect(await survivor.textContent()).toMatch(/survived0\/1 runsno test/);
    await card.getByText('not proven').waitFor();
    const reference = card.getByRole('table', { name: 'Reference solution, node20' });
    expect(await reference.getByRole('row').filter({ hasText: 'hidden suite' }).textContent()).toContain('1/1 runs');
    await screenshot(page, 'suite-verification-result');

    // The assessment picker warns about this version: its suites are not proven.
    await page.goto(`${t.baseUrl}/assessments`);
    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByRole('combobox', { name: 'Challenge' }).click();
    await page.getByRole('option', { name: 'URL shortener with statistics' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Suites not proven' }).getByText(/did not kill on every run/).waitFor();
    await screenshot(page, 'suite-verification-picker-warning');
  }, 240_000);
});
