import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';
import { startAndWrite } from '../support/candidate-browser';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const HIDDEN = readdirSync(path.resolve(__dirname, '../../challenges/url-shortener/tests/hidden')).filter((f) => f.endsWith('.test.mjs'));

const SERVER = `const http = require('node:http');
const links = [];
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/health') return res.end('ok');
    if (req.method === 'POST' && req.url === '/links') {
      links.push(JSON.parse(body).url);
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ code: 'c' + links.length, url: links[links.length - 1] }));
    }
    res.writeHead(404).end();
  });
}).listen(Number(process.env.PORT), '0.0.0.0');
`;
const MY_TESTS = `const test = require('node:test');
const assert = require('node:assert');
test('adds numbers', () => assert.strictEqual(1 + 1, 2));
test('a failing check of my own', () => assert.strictEqual('a', 'b'));
`;

describe('candidate workbench in the browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('workbench_browser', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    browser = await launchBrowser();
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await f?.close();
    await t?.close();
  });

  it('runs their own tests, reads the visible tests, calls their service from the console and types in the terminal', async () => {
    const scene = await cf.scene();
    await f.prisma.assessment.update({ where: { id: scene.assessment.id }, data: { terminalEnabled: true } });
    const { token } = await cf.invitation(scene);
    // package.json also asks for a package the image does not have: the Tests tab says so before any run.
    const packageJson = JSON.stringify({ name: 'mine', private: true, scripts: { start: 'node server.js' }, dependencies: { lodash: '^4.17.21' } });
    const page = await startAndWrite(browser, `${t.baseUrl}/a/${token}`, { 'server.js': SERVER, 'app.test.js': MY_TESTS, 'package.json': packageJson });
    await page.getByRole('tab', { name: 'Tests', exact: true }).click();
    const notHere = page.getByRole('alert').filter({ hasText: 'A package your files ask for is not here' });
    await expect.poll(() => notHere.innerText()).toContain("'lodash' (declared in package.json) is not available in this runtime");
    await screenshot(page, 'workbench-0-package-not-offered');

    await page.getByRole('tab', { name: 'My tests' }).click();
    await page.getByText('How to name them: node --test').waitFor();
    await page.getByRole('button', { name: 'Run my tests' }).click();
    await page.getByLabel('Own tests status').filter({ hasText: 'finished' }).waitFor({ timeout: 120_000 });
    const results = page.getByRole('table', { name: 'Your test results' });
    await results.getByText('adds numbers').waitFor();
    expect(await results.getByText('passed', { exact: true }).count()).toBe(1);
    expect(await results.getByText('failed', { exact: true }).count()).toBe(1);
    await page.getByText('1 of 2 tests passed').waitFor();
    await screenshot(page, 'workbench-1-own-tests');

    await page.getByRole('tab', { name: 'Test code' }).click();
    await page.getByLabel('Contents of links.test.mjs').getByText("import { test } from 'node:test'", { exact: false }).first().waitFor();
    const html = await page.content();
    for (const hidden of HIDDEN) expect(html).not.toContain(hidden);
    await screenshot(page, 'workbench-2-test-code');

    await page.getByRole('tab', { name: 'Console' }).click();
    await page.getByRole('button', { name: 'Start service' }).click();
    await page.getByLabel('Service status').filter({ hasText: 'service running' }).waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Request method' }).click();
    await page.getByRole('option', { name: 'POST' }).click();
    await page.getByRole('textbox', { name: 'Request URL' }).fill('/links');
    await page.getByRole('textbox', { name: 'Request headers' }).fill('Content-Type: application/json');
    await page.getByRole('textbox', { name: 'Request body' }).fill('{"url":"https://example.com/a"}');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByLabel('Response status').filter({ hasText: '201' }).waitFor({ timeout: 20_000 });
    await expect(page.getByLabel('Response body').innerText()).resolves.toBe('{"code":"c1","url":"https://example.com/a"}');
    await screenshot(page, 'workbench-3-console');

    await page.getByRole('tab', { name: 'Terminal' }).click();
    await page.getByRole('button', { name: 'Start terminal' }).click();
    const terminal = page.getByLabel('Terminal screen');
    await terminal.locator('.xterm-rows').getByText('$').first().waitFor({ timeout: 30_000 });
    await terminal.click();
    await page.keyboard.type('node -e "console.log(6 * 7)"\n');
    await terminal.locator('.xterm-rows').getByText(/^42\s*$/).waitFor({ timeout: 15_000 });
    await page.keyboard.type('echo "made in the terminal" > notes.txt\n');
    await page.getByRole('button', { name: 'Copy files to the editor' }).click();
    await page.getByText('Copied to the editor: notes.txt.').waitFor();
    await page.getByRole('button', { name: 'notes.txt', exact: true }).waitFor();
    await screenshot(page, 'workbench-4-terminal');
    await page.getByRole('status', { name: 'Save status' }).filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
    const attempt = await f.prisma.attempt.findFirstOrThrow({ where: { invitation: { assessmentId: scene.assessment.id } }, include: { files: true } });
    expect(attempt.files.find((x) => x.path === 'notes.txt')?.content).toBe('made in the terminal\n');
    await page.context().close();
  }, 240_000);
});
