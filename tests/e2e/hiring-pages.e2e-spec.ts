import type { PrismaClient } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories } from '../../apps/api/test/support/factories';
import { captureMail } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';
import { importBuiltInChallenges } from '../../apps/api/src/seed/seed';
import { launchBrowser, screenshot } from '../support/browser';

const CHALLENGE = 'URL shortener with statistics';
const VISIBLE = ['creates a short link', 'redirects to the target'];
const HIDDEN = ['keeps links across a restart', 'counts visits', 'rejects invalid URLs'];

interface TakerSpec {
  kind: 'PILOT' | 'CANDIDATE';
  name: string;
  minutes: number;
  /** Which hidden tests pass, in HIDDEN's order; both visible tests always pass. */
  hidden: boolean[];
  /** One list of rubric levels per reviewer; empty for no reviews. */
  levels: number[][];
  ranOut?: boolean;
  survey?: { minutesSpent: number; difficulty: number; promptClarity: number; comments: string };
}

/**
 * A finished taker without the candidate flow or a sandbox: invitation, attempt, submission, a grading run
 * with these test results, submitted reviews and the survey, the facts the pipeline and reports are built from.
 */
async function taker(
  prisma: PrismaClient,
  scene: { orgId: string; assessmentId: string; versionId: string; limit: number; reviewerIds: string[]; criterionIds: string[] },
  spec: TakerSpec,
) {
  const suffix = randomUUID().slice(0, 8);
  const submittedAt = new Date(Date.now() - (2 + Math.random()) * 3_600_000);
  const startedAt = new Date(submittedAt.getTime() - spec.minutes * 60_000);
  const invitation = await prisma.invitation.create({
    data: {
      organizationId: scene.orgId,
      assessmentId: scene.assessmentId,
      kind: spec.kind,
      candidateName: spec.name,
      candidateEmail: `${spec.name.toLowerCase().replace(/\W+/g, '.')}.${suffix}@example.test`,
      pseudonym: `Candidate ${suffix.slice(0, 4).toUpperCase()}`,
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      status: 'OPENED',
      sentAt: new Date(startedAt.getTime() - 86_400_000),
      sendCount: 1,
      createdAt: new Date(startedAt.getTime() - 86_400_000),
    },
  });
  const attempt = await prisma.attempt.create({
    data: {
      invitationId: invitation.id,
      runtime: 'node20',
      status: spec.ranOut ? 'EXPIRED_SUBMITTED' : 'SUBMITTED',
      startedAt,
      deadline: new Date(startedAt.getTime() + scene.limit * 60_000),
      submittedAt,
    },
  });
  const files = { 'server.js': `// ${spec.name}\n` };
  const submission = await prisma.submission.create({
    data: { attemptId: attempt.id, files, contentHash: randomUUID(), automatic: !!spec.ranOut, createdAt: submittedAt },
  });
  const tests = [
    ...VISIBLE.map((name) => ({ name, status: 'passed', score: 1, maxScore: 1, output: '', visibility: 'visible' })),
    ...HIDDEN.map((name, i) => ({ name, status: spec.hidden[i] ? 'passed' : 'failed', score: spec.hidden[i] ? 1 : 0, maxScore: 1, output: '', visibility: 'hidden' })),
  ];
  const finishedAt = new Date(submittedAt.getTime() + 40_000);
  await prisma.run.create({
    data: {
      kind: 'GRADING',
      status: 'FINISHED',
      outcome: 'COMPLETED',
      submissionId: submission.id,
      challengeVersionId: scene.versionId,
      runtime: 'node20',
      suite: 'all',
      files,
      score: tests.filter((t) => t.status === 'passed').length,
      maxScore: tests.length,
      tests,
      logs: '',
      queuedAt: submittedAt,
      startedAt: submittedAt,
      finishedAt,
      executionMs: 40_000,
    },
  });
  for (const [r, levels] of spec.levels.entries()) {
    const reviewerId = scene.reviewerIds[r];
    await prisma.reviewAssignment.create({ data: { submissionId: submission.id, reviewerId } });
    await prisma.review.create({
      data: {
        submissionId: submission.id,
        reviewerId,
        status: 'SUBMITTED',
        recommendation: levels.reduce((a, b) => a + b, 0) / levels.length >= 2.5 ? 'YES' : 'NO',
        summary: `Review by reviewer ${r + 1}`,
        submittedAt: new Date(finishedAt.getTime() + (r + 1) * 600_000),
        scores: { create: scene.criterionIds.map((criterionId, i) => ({ criterionId, level: levels[i % levels.length] })) },
      },
    });
  }
  if (spec.survey) await prisma.surveyResponse.create({ data: { attemptId: attempt.id, ...spec.survey } });
  return invitation;
}

describe('hiring lead pages in the browser', () => {
  let t: TestApp;
  let factories: Factories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;
  let browser: Browser;
  let page: Page;
  let lead: { email: string; password: string };
  let orgId: string;
  let reviewerIds: string[];
  let assessmentId = '';

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('hiring_browser', {
      NODE_ENV: 'production',
      WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
      SMTP_URL: smtp.url,
    });
    factories = new Factories(t.config.DATABASE_URL);
    const org = await factories.organization('Hiring');
    orgId = org.id;
    lead = await factories.user(org.id, 'HIRING_LEAD');
    reviewerIds = [(await factories.user(org.id, 'REVIEWER')).id, (await factories.user(org.id, 'REVIEWER')).id];
    await importBuiltInChallenges(factories.prisma, org.id);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await factories?.close();
    await t?.close();
    await smtp?.close();
  });

  async function scene() {
    const assessment = await factories.prisma.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      include: { challengeVersion: { include: { rubric: { include: { criteria: { orderBy: { position: 'asc' } } } } } } },
    });
    return {
      orgId,
      assessmentId,
      versionId: assessment.challengeVersionId,
      limit: assessment.timeLimitMinutes,
      reviewerIds,
      criterionIds: assessment.challengeVersion.rubric!.criteria.map((c) => c.id),
    };
  }

  // The steps share one page, in order, as one lead's session would.
  it('signs in and builds an assessment from a challenge version', async () => {
    await page.goto(`${t.baseUrl}/login?next=%2Fassessments`);
    await page.getByLabel('Email').fill(lead.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(lead.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/assessments$/);
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    expect(await page.title()).toBe('Assessments · Takehome');

    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByRole('combobox', { name: 'Challenge' }).click();
    await page.getByRole('option', { name: CHALLENGE }).click();
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.waitFor();
    await name.fill('Backend engineer, spring');
    // Clicking the version already picked keeps it (and the form below it).
    const version = dialog.getByRole('textbox', { name: 'Version' }).or(dialog.getByRole('combobox', { name: 'Version' }));
    const picked = await version.inputValue();
    await version.click();
    await page.getByRole('option', { name: picked }).click();
    await expect(version.inputValue()).resolves.toBe(picked);
    await name.waitFor();
    // A version nobody verified can be picked, but not silently.
    expect(picked).toMatch(/· unverified$/);
    await dialog.getByText('This version is not verified').waitFor();
    // A time limit of 1 is shown as an error, never corrected to 15 behind the lead's back.
    const limit = dialog.getByRole('textbox', { name: 'Time limit (minutes)' });
    await limit.fill('1');
    await name.click();
    await dialog.getByText('Time limit must be at least 15 minutes').waitFor();
    await expect(limit.inputValue()).resolves.toBe('1');
    await expect(dialog.getByRole('button', { name: 'Create assessment' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'hiring-new-assessment-invalid');
    await limit.fill('120');
    await screenshot(page, 'hiring-new-assessment');
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    assessmentId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Backend engineer, spring', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Pipeline', level: 2 }).waitFor();
    await page.getByText('A draft takes no invitations').waitFor();
    await screenshot(page, 'hiring-draft');
  });

  it('starts the pilot, invites a teammate and reads the live pilot report', async () => {
    await page.getByRole('button', { name: 'Start pilot' }).click();
    await page.getByRole('heading', { name: 'Pilot report', level: 2 }).waitFor();
    await page.getByText('Updated live').waitFor();
    // Nobody invited yet: an empty state, not a table of 0/0.
    await page.getByText('No pilot takers yet').waitFor();
    await expect(page.getByRole('table', { name: 'Pilot tests' }).count()).resolves.toBe(0);
    await screenshot(page, 'hiring-pilot-empty');

    await page.getByRole('tab', { name: 'Pipeline' }).click();
    const form = page.getByRole('form', { name: 'Invite a teammate' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Tess Teammate');
    await form.getByRole('textbox', { name: 'Email' }).fill('tess.teammate@example.test');
    await form.getByRole('button', { name: 'Invite teammate' }).click();
    const issued = page.getByRole('region', { name: 'Invitation link' });
    await issued.getByText('/a/').waitFor();
    await issued.getByRole('button', { name: 'Copy link' }).waitFor();
    await page.getByRole('table', { name: 'Pipeline' }).getByRole('row', { name: /Tess Teammate/ }).waitFor();
    await screenshot(page, 'hiring-pilot-invited');

    // Three teammates finish, are reviewed by two reviewers and answer the survey; nobody passes one hidden test.
    const s = await scene();
    await taker(factories.prisma, s, {
      kind: 'PILOT', name: 'Pia Pilot', minutes: 84, hidden: [true, true, false], levels: [[3, 3, 2, 3, 3], [3, 2, 2, 3, 3]],
      survey: { minutesSpent: 95, difficulty: 3, promptClarity: 4, comments: 'Clear prompt. The restart requirement took a while.' },
    });
    await taker(factories.prisma, s, {
      kind: 'PILOT', name: 'Pat Pilot', minutes: 101, hidden: [false, true, false], levels: [[2, 2, 2, 3, 2], [2, 3, 2, 2, 2]],
      survey: { minutesSpent: 110, difficulty: 4, promptClarity: 3, comments: 'Not sure what "invalid URL" means here.' },
    });
    await taker(factories.prisma, s, {
      kind: 'PILOT', name: 'Quinn Pilot', minutes: 120, hidden: [true, true, false], levels: [[4, 3, 3, 3, 4], [4, 3, 3, 4, 4]], ranOut: true,
      survey: { minutesSpent: 120, difficulty: 4, promptClarity: 4, comments: '' },
    });

    await page.getByRole('tab', { name: 'Pilot report' }).click();
    // The report polls every ten seconds: the new takers appear without a reload.
    await page.getByRole('table', { name: 'Pilot takers' }).getByRole('row', { name: /Quinn Pilot/ }).waitFor({ timeout: 20_000 });
    const tests = page.getByRole('table', { name: 'Pilot tests' });
    await tests.getByRole('row', { name: /rejects invalid URLs/ }).getByText('Possibly wrong').waitFor();
    await page.getByRole('table', { name: 'Survey answers' }).getByText('Not sure what "invalid URL" means here.').waitFor();
    await page.getByText(/α = /).waitFor();
    await screenshot(page, 'hiring-pilot-report');
  });

  it('launches live with the pilot as the baseline', async () => {
    await page.getByRole('button', { name: 'Launch live' }).click();
    const dialog = page.getByRole('dialog', { name: 'Launch live?' });
    await dialog.getByText('The pilot becomes the frozen baseline').waitFor();
    await screenshot(page, 'hiring-launch-confirm');
    await dialog.getByRole('button', { name: 'Launch live' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Frozen since launch.').waitFor();
    await page.getByRole('tab', { name: 'Pilot report' }).click();
    await page.getByText('Frozen as the baseline').waitFor();
  });

  it('imports candidates from a CSV, reporting bad rows by line, and manages invitations', async () => {
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    const csv = 'name,email,accommodation_minutes\nCara Candidate,cara@candidate.test,\nDev Candidate,dev@candidate.test,30\nNo Email,not-an-address,\nEli Candidate,eli@candidate.test,0\n';
    // Through the file chooser, as a person picks the file (the FileInput is a button over a hidden input).
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Candidates CSV' }).click()]);
    await chooser.setFiles({ name: 'candidates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'Import result' });
    await result.getByText('Imported 3 invitations').waitFor();
    const problems = result.getByRole('table', { name: 'Import problems' });
    await problems.getByRole('row', { name: /^4 / }).waitFor();

    // A candidate who has been through grading and review, to compare with the baseline.
    await taker(factories.prisma, await scene(), {
      kind: 'CANDIDATE', name: 'Riley Candidate', minutes: 97, hidden: [true, true, false], levels: [[3, 3, 3, 2, 3], [3, 3, 2, 2, 3]],
    });
    await page.getByRole('textbox', { name: 'Search' }).fill('candidate');
    const table = page.getByRole('table', { name: 'Pipeline' });
    await table.getByRole('row', { name: /Riley Candidate/ }).waitFor();
    await screenshot(page, 'hiring-pipeline');

    // Revoke one invitation through the row menu and its confirmation.
    await table.getByRole('button', { name: 'Actions for Eli Candidate' }).click();
    await page.getByRole('menuitem', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: /Revoke Eli Candidate/ }).getByRole('button', { name: 'Revoke invitation' }).click();
    await table.getByRole('row', { name: /Eli Candidate/ }).getByText('Revoked').waitFor();

    // Extend another.
    await table.getByRole('button', { name: 'Actions for Dev Candidate' }).click();
    await page.getByRole('menuitem', { name: 'Extend' }).click();
    const extend = page.getByRole('dialog', { name: /Extend Dev Candidate/ });
    await extend.getByRole('textbox', { name: "Days to add to the link's expiry" }).fill('3');
    await screenshot(page, 'hiring-extend');
    await extend.getByRole('button', { name: 'Extend' }).click();
    await extend.waitFor({ state: 'hidden' });

    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toBe(`/api/assessments/${assessmentId}/invitations/export.csv?q=candidate`);
    const exported = await page.evaluate((href) => fetch(href).then((r) => r.text()), exportHref!);
    expect(exported).toContain('Riley Candidate');
  });

  it('shows analytics and a candidate report against the pilot baseline', async () => {
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 2 }).waitFor();
    await page.getByRole('table', { name: 'Drop-off by stage' }).waitFor();
    await screenshot(page, 'hiring-analytics');

    await page.getByRole('tab', { name: 'Pipeline' }).click();
    await page.getByRole('table', { name: 'Pipeline' }).getByRole('link', { name: 'Riley Candidate' }).click();
    await page.getByRole('heading', { name: 'Riley Candidate', level: 1 }).waitFor();
    await page.getByText(/Hidden tests 2\/3 · pilot median 2\/3/).waitFor();
    await page.getByRole('table', { name: 'Rubric against the pilot' }).waitFor();
    await screenshot(page, 'hiring-candidate-report');

    await page.goto(`${t.baseUrl}/assessments`);
    await page.getByRole('table', { name: 'Assessments' }).getByRole('row', { name: /Backend engineer, spring/ }).getByText('Live').waitFor();
    await screenshot(page, 'hiring-assessment-list');
  });
});
