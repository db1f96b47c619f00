import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';
import { typeIntoEditor, waitSaved } from '../support/candidate-browser';
import { startWorker, type WorkerProcess } from '../support/worker-process';

const SOLUTION = path.resolve(__dirname, '../../challenges/url-shortener/solutions/node20');
const solution = (file: string) => readFileSync(path.join(SOLUTION, file), 'utf8');

describe('candidate in the browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('candidate_flow', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL });
    browser = await launchBrowser();
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await browser?.close();
    // Graceful: the worker finishes the grading run it holds, so no sandbox is left for later suites.
    await worker?.stop();
    await f?.close();
    await t?.close();
  });

  it('opens the link, starts, edits, restores after reload, runs tests, submits, answers the survey, reads feedback', async () => {
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene, { accommodationMinutes: 15 });
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });

    await page.goto(`${t.baseUrl}/a/${token}`);
    await page.getByRole('heading', { name: 'URL shortener with statistics' }).waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/candidate`);
    await expect(page.getByLabel('Time limit').innerText()).resolves.toContain('2 h 45 min');
    await page.getByText('Behaviour matches the contract').waitFor();
    // Each language names the libraries its image carries offline, with versions, before the clock starts.
    await page.getByText(/express 5\.3\.0, fastify 5\.12\.8, .* and the standard library/).waitFor();
    await page.getByText(/Flask 2\.2\.2|flask 2\.2\.2/).waitFor();
    await screenshot(page, 'candidate-1-landing');

    await page.getByRole('button', { name: /Start the assessment/ }).click();
    await page.getByRole('timer', { name: 'Time left' }).waitFor();
    await page.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeIntoEditor(page, solution('server.js'));
    await page.getByRole('button', { name: 'New file' }).click();
    await page.getByLabel('Path').fill('store.js');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Pick a file').waitFor({ state: 'detached' });
    await typeIntoEditor(page, solution('store.js'));
    await waitSaved(page);
    await screenshot(page, 'candidate-2-workspace');

    await page.reload();
    await page.getByRole('button', { name: 'store.js', exact: true }).click();
    await page.getByText("class LinkStore").first().waitFor();
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id }, include: { files: true } });
    const stored = Object.fromEntries(attempt.files.map((x) => [x.path, x.content]));
    expect(stored['server.js']).toBe(solution('server.js'));
    expect(stored['store.js']).toBe(solution('store.js'));

    await page.getByRole('tab', { name: 'Tests', exact: true }).click();
    await page.getByRole('button', { name: 'Run tests' }).click();
    await page.getByLabel('Run status').filter({ hasText: /queued|running/i }).waitFor();
    await page.getByLabel('Run status').filter({ hasText: 'finished' }).waitFor({ timeout: 150_000 });
    const results = page.getByRole('table', { name: 'Test results' });
    await results.waitFor();
    expect(await results.getByText('passed', { exact: true }).count()).toBeGreaterThan(0);
    expect(await results.getByText('failed', { exact: true }).count()).toBe(0);
    await screenshot(page, 'candidate-3-practice-run');

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByRole('heading', { name: 'Your work is submitted' }).waitFor();
    const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(submission).toMatchObject({ automatic: false, files: expect.objectContaining({ 'store.js': solution('store.js') }) });

    await page.getByLabel('Minutes you actually spent').fill('95');
    await page.locator('[aria-labelledby="difficulty-label"] label').nth(3).click();
    await page.locator('[aria-labelledby="clarity-label"] label').nth(4).click();
    await page.getByLabel('Anything else').fill('Clear task, fair time.');
    await screenshot(page, 'candidate-4-submitted-survey');
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByText('Thank you for answering the survey.').waitFor();
    expect(await f.prisma.surveyResponse.findUniqueOrThrow({ where: { attemptId: attempt.id } })).toMatchObject({ minutesSpent: 95, difficulty: 3, promptClarity: 4 });

    await page.getByRole('link', { name: 'feedback page' }).click();
    await page.getByText('has not released feedback yet').waitFor();
    const lead = await f.user(scene.org.id, 'HIRING_LEAD');
    await f.prisma.feedback.create({
      data: {
        submissionId: submission.id,
        authorId: lead.id,
        body: 'Thank you! Your service handled concurrency carefully.',
        criteria: [{ criterionKey: 'api_design', title: 'API design and error handling', comment: 'Consistent error bodies.' }],
        releasedAt: new Date(),
      },
    });
    // The test summary comes from the grading run, which the real worker finishes in its own time.
    for (let i = 0; i < 240; i++) {
      const grading = await f.prisma.run.findFirst({ where: { submissionId: submission.id, kind: 'GRADING' } });
      if (grading?.status === 'FINISHED') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.reload();
    await page.getByText('Your service handled concurrency carefully.').waitFor();
    await page.getByText('Consistent error bodies.').waitFor();
    await expect(page.getByLabel('Test summary').innerText()).resolves.toMatch(/Hidden tests: \d+ of \d+ passed/);
    await screenshot(page, 'candidate-5-feedback');
    await page.close();
    // A practice run and a grading run on the real worker: on a busy 2-core machine this takes over a minute.
  }, 240_000);

  it('submits the last saved state by itself when time is up, and refuses every later write', async () => {
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/a/${token}`);
    await page.getByRole('button', { name: /Start the assessment/ }).click();
    await page.getByRole('button', { name: 'server.js', exact: true }).click();
    await typeIntoEditor(page, '// last saved edit\n');
    await waitSaved(page);

    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    await f.prisma.attempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 61_000) } });
    await page.locator('.cm-content').click();
    await page.keyboard.insertText('// too late\n');
    await page.getByRole('heading', { name: 'Time is up: your work was submitted' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'candidate-6-time-up');

    const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    expect(submission.automatic).toBe(true);
    expect((submission.files as Record<string, string>)['server.js']).toBe('// last saved edit\n');
    expect((await f.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe('EXPIRED_SUBMITTED');

    const cookie = (await context.cookies(`${t.baseUrl}/api/candidate`)).map((c) => `${c.name}=${c.value}`).join('; ');
    const late = await fetch(`${t.baseUrl}/api/candidate/files`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: 'server.js', content: 'after the deadline', baseRevision: 2 }),
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'time_up' });
    await page.goto(`${t.baseUrl}/a/${token}`);
    await page.getByRole('heading', { name: 'This link was already used' }).waitFor();
    await screenshot(page, 'candidate-7-link-used');
    await context.close();
  });
});
