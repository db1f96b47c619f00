import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';
import { typeIntoEditor, waitSaved } from '../support/candidate-browser';

/** The editor never loses typing: saves cut mid-typing, reloads, a closed server, and two tabs on one attempt. */
describe('editor under failing saves', () => {
  let t: TestApp;
  let browser: Browser;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('editor_resilience', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    browser = await launchBrowser();
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
    await t?.close();
  });

  async function started() {
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene);
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/a/${token}`);
    await page.getByRole('button', { name: /Start the assessment/ }).click();
    await page.getByRole('timer', { name: 'Time left' }).waitFor();
    await page.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeIntoEditor(page, '// line 0\n');
    await waitSaved(page);
    return { invitation, context, page };
  }

  // The file tree names a file with its save state ("server.js not saved"), so match the start.
  const openFile = (page: Page) => page.getByRole('button', { name: /^server\.js/ }).first().click();
  const stored = async (invitationId: string) =>
    (await f.prisma.draftFile.findFirstOrThrow({ where: { attempt: { invitationId }, path: 'server.js' } })).content;
  const editorText = (page: Page) => page.locator('.cm-content').innerText();
  const typeLine = async (page: Page, text: string) => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(text, { delay: 5 });
  };
  const notSaved = (page: Page) =>
    page.getByRole('status', { name: 'Save status' }).filter({ hasText: 'Not saved to the server yet' }).waitFor({ timeout: 15_000 });

  it('keeps every keystroke through failed saves, a reload, and a server that closed', async () => {
    const { invitation, page } = await started();
    // Leaving with unsaved text asks first; the candidate leaves anyway (as a crash or a closed laptop would).
    page.on('dialog', (dialog) => void dialog.accept());

    // Saves fail (the network refuses them) mid-typing: the page says so and keeps the text.
    await page.route('**/api/candidate/files', (route) => (route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue()));
    await typeLine(page, '// typed offline 1\n');
    await notSaved(page);
    await screenshot(page, 'editor-1-not-saved');
    expect(await stored(invitation.id)).not.toContain('typed offline 1');

    // Reload while saves still fail: the text comes back from the browser's storage.
    await page.reload();
    await openFile(page);
    await expect.poll(() => editorText(page)).toContain('typed offline 1');
    await screenshot(page, 'editor-2-restored-after-reload');
    await page.unroute('**/api/candidate/files');
    await expect.poll(() => stored(invitation.id), { timeout: 20_000 }).toContain('typed offline 1');

    // Now for real: the server stops listening while the candidate types.
    const server = t.app.getHttpServer() as Server;
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await typeLine(page, '// typed while the server was down 2\n');
    await notSaved(page);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    await page.reload();
    await openFile(page);
    await expect.poll(() => editorText(page)).toContain('typed while the server was down 2');
    await waitSaved(page);
    const final = await stored(invitation.id);
    for (const line of ['// line 0', '// typed offline 1', '// typed while the server was down 2']) expect(final).toContain(line);
  });

  it('an edit undone before its save leaves nothing pending: the page says all is saved', async () => {
    const { invitation, context, page } = await started();
    const before = await stored(invitation.id);
    await typeLine(page, 'x');
    await page.keyboard.press('Backspace');
    await waitSaved(page);
    expect(await stored(invitation.id)).toBe(before);
    await context.close();
  });

  it('two tabs on one attempt never overwrite each other silently', async () => {
    const { invitation, context, page: first } = await started();
    // A second tab in the same browser: told of the first tab's saves, it follows them while it has no edits.
    const second = await context.newPage();
    await second.goto(`${t.baseUrl}/candidate`);
    await second.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeLine(first, '// from the first tab\n');
    await waitSaved(first);
    await expect.poll(() => editorText(second)).toContain('from the first tab');

    // Another device (no shared storage or channel) typing on an older revision: refused, shown as a conflict.
    const device = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    await device.addCookies(await context.cookies());
    const other = await device.newPage();
    await other.goto(`${t.baseUrl}/candidate`);
    await other.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeLine(first, '// newer, from the first tab\n');
    await waitSaved(first);
    await typeLine(other, '// from another device\n');
    await other.getByRole('alert').filter({ hasText: 'Another tab or device saved this file' }).waitFor({ timeout: 15_000 });
    await screenshot(other, 'editor-3-conflict');
    // Its text is still on its screen; the server kept the first tab's work.
    expect(await editorText(other)).toContain('from another device');
    expect(await stored(invitation.id)).toContain('newer, from the first tab');
    expect(await stored(invitation.id)).not.toContain('from another device');
    await other.getByRole('button', { name: 'Reload this file' }).click();
    await expect.poll(() => editorText(other)).toContain('newer, from the first tab');
    await device.close();
    await context.close();
  });
});
