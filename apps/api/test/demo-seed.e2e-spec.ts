import { BUILT_IN_CHALLENGES_DIR, loadChallenge } from '@takehome/challenge';
import { pilotReport } from '@takehome/contracts';
import { verifyAuditChain } from '@takehome/db';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCandidate } from '../src/seed/demo-candidate';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { DEMO_PILOT, seedDemoPilot } from '../src/seed/demo-pilot';
import { seedDemo } from '../src/seed/seed';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('demo data (what npm start seeds)', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp('demo_seed');
    f = new Factories(t.config.DATABASE_URL);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('gives the lead a pilot to read, with runs waiting for the worker, and seeds it once', async () => {
    const { organization, challenges } = await seedDemo(f.prisma);
    const version = challenges.find((c) => c.slug === 'url-shortener')!;
    const pkg = await loadChallenge(path.join(BUILT_IN_CHALLENGES_DIR, 'url-shortener'));
    expect(await seedDemoPilot(f.prisma, organization.id, version.id, pkg)).toBe(true);
    await seedDemoCandidate(f.prisma, organization.id, version.id, t.baseUrl);

    const assessment = await f.prisma.assessment.findFirstOrThrow({ where: { organizationId: organization.id, name: DEMO_PILOT } });
    const cookie = await signIn(t.baseUrl, 'lead@demo.takehome.test', DEMO_PASSWORD);
    const res = await fetch(`${t.baseUrl}/api/assessments/${assessment.id}/pilot-report`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const report = pilotReport.parse(await res.json());
    expect(report).toMatchObject({ status: 'PILOT', invited: 4, finished: 3, ranOutOfTime: 1 });
    expect(report.survey.responses).toHaveLength(3);
    expect(report.reviews.submitted).toBe(6);
    expect(report.reviews.alpha).not.toBeNull();
    // Grading and the reference verification wait for the worker, as stored runs the API's sweep enqueues.
    expect(await f.prisma.run.count({ where: { status: 'QUEUED', kind: 'GRADING', submission: { attempt: { invitation: { assessmentId: assessment.id } } } } })).toBe(3);
    expect(await f.prisma.run.count({ where: { status: 'QUEUED', kind: 'VERIFICATION', challengeVersionId: version.id } })).toBe(pkg.manifest.runtimes.length);

    await seedDemo(f.prisma);
    expect(await seedDemoPilot(f.prisma, organization.id, version.id, pkg)).toBe(false);
    expect(await f.prisma.assessment.count({ where: { organizationId: organization.id } })).toBe(2);
    // The demo's trail (the lead's sign-in, the pilot report) is one unbroken chain.
    const chain = await verifyAuditChain(f.prisma, organization.id);
    expect(chain).toMatchObject({ ok: true });
    expect(chain.checked).toBeGreaterThan(0);
  });
});
