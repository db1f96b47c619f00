import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadChallenge, versionRecord } from '@takehome/challenge';
import { saveChallengeVersion } from '@takehome/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { launchBrowser, screenshot } from '../support/browser';
import { typeIntoEditor, waitSaved } from '../support/candidate-browser';
import { startWorker, type WorkerProcess } from '../support/worker-process';

// The built-in database challenge: its node20 reference solution, written through the editor, against real sidecars.
const CHALLENGE = path.resolve(__dirname, '../../challenges/order-and-inventory');
const TITLE = 'Orders and inventory on PostgreSQL and Redis';

describe('a candidate on a database challenge, in the browser', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let browser: Browser;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    if (!existsSync(CHALLENGE)) throw new Error(`challenge missing: ${CHALLENGE}`);
    t = await startTestApp('database_flow', { NODE_ENV: 'production', WEB_DIST: path.resolve(__dirname, '../../apps/web/dist') });
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

  it('sees the services before starting, solves it with DATABASE_URL against a real PostgreSQL, and submits', async () => {
    const pkg = await loadChallenge(CHALLENGE);
    const org = await f.organization();
    const version = await saveChallengeVersion(f.prisma, { organizationId: org.id, ...versionRecord(pkg) });
    const assessment = await f.prisma.assessment.create({
      data: {
        organizationId: org.id,
        challengeVersionId: version.id,
        name: 'Backend engineer (database)',
        status: 'LIVE',
        timeLimitMinutes: 60,
        runtimes: ['node20'],
        graceSeconds: 60,
        practiceRunsPerHour: 20,
        launchedAt: new Date(),
      },
    });
    const { invitation, token } = await cf.invitation({ org, assessment });
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });

    await page.goto(`${t.baseUrl}/a/${token}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const services = page.getByRole('list', { name: 'Services your code gets' });
    await services.getByText('PostgreSQL 15 — DATABASE_URL', { exact: true }).waitFor();
    await services.getByText('Redis 7 — REDIS_URL', { exact: true }).waitFor();
    await page.getByText(/PostgreSQL 15 at postgres:5432, Redis 7 at redis:6379/).waitFor();
    await screenshot(page, 'database-1-landing');

    await page.getByRole('button', { name: /Start the assessment/ }).click();
    await page.getByRole('timer', { name: 'Time left' }).waitFor();
    // The task pane repeats the services above the prompt.
    await page.getByLabel('Services', { exact: true }).getByText('PostgreSQL 15 — DATABASE_URL', { exact: true }).waitFor();
    const solution = pkg.solutions.node20!;
    expect(Object.values(solution).join('\n')).toContain('process.env.DATABASE_URL');
    for (const [file, content] of Object.entries(solution)) {
      // A file the starter already has as is needs no typing (an unchanged text is nothing to save).
      if (pkg.starter.node20?.[file] === content) continue;
      if (!(await page.getByRole('button', { name: file, exact: true }).count())) {
        await page.getByRole('button', { name: 'New file' }).click();
        await page.getByLabel('Path').fill(file);
        await page.getByRole('button', { name: 'Create' }).click();
      }
      await page.getByRole('button', { name: file, exact: true }).click();
      await typeIntoEditor(page, content);
      await waitSaved(page).catch(async (e) => {
        await screenshot(page, `database-debug-${file}`);
        throw e;
      });
    }
    await screenshot(page, 'database-2-workspace');

    await page.getByRole('tab', { name: 'Tests', exact: true }).click();
    await page.getByRole('button', { name: 'Run tests' }).click();
    // The sidecars' start-up is part of the run's steps, as the sandbox reports it.
    await page.getByText(/postgres ready in \d+ ms \(PostgreSQL 15, DATABASE_URL\)/).waitFor({ timeout: 60_000 });
    await page.getByLabel('Run status').filter({ hasText: 'finished' }).waitFor({ timeout: 75_000 });
    const results = page.getByRole('table', { name: 'Test results' });
    await results.waitFor();
    expect(await results.getByText('passed', { exact: true }).count()).toBeGreaterThan(3);
    expect(await results.getByText('failed', { exact: true }).count()).toBe(0);
    // The sidecars' logs are there, folded, for when something goes wrong.
    await page.getByText('Service logs: PostgreSQL').click();
    await page.getByLabel('Service logs: PostgreSQL').getByText(/database system is ready to accept connections/).waitFor();
    await screenshot(page, 'database-3-practice-run');
    const run = await f.prisma.run.findFirstOrThrow({ where: { attempt: { invitationId: invitation.id }, kind: 'PRACTICE' } });
    expect(run.outcome).toBe('COMPLETED');

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByRole('heading', { name: 'Your work is submitted' }).waitFor();
    await screenshot(page, 'database-4-submitted');
    await page.close();

    // The reviewer reads the grading run's sidecar logs beside the candidate's output.
    const submission = await f.prisma.submission.findFirstOrThrow({ where: { attempt: { invitationId: invitation.id } } });
    for (let i = 0; i < 120; i++) {
      const grading = await f.prisma.run.findFirst({ where: { submissionId: submission.id, kind: 'GRADING' } });
      if (grading?.status === 'FINISHED') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const reviewer = await f.user(org.id, 'REVIEWER');
    await f.prisma.reviewAssignment.create({ data: { submissionId: submission.id, reviewerId: reviewer.id } });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const [name, value] = (await signIn(t.baseUrl, reviewer.email, reviewer.password)).split('=');
    await context.addCookies([{ name, value, url: t.baseUrl }]);
    const review = await context.newPage();
    await review.goto(`${t.baseUrl}/review/${submission.id}`);
    await review.getByRole('tab', { name: 'Logs' }).click();
    await review.getByRole('heading', { name: "Candidate's service" }).waitFor();
    await review.getByLabel('Service logs: PostgreSQL').getByText(/ready to accept connections/).waitFor();
    await review.getByRole('heading', { name: 'Service logs: Redis' }).waitFor();
    await screenshot(review, 'database-5-review-logs');
    await context.close();
  }, 150_000);
});
