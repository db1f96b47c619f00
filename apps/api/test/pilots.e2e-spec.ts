import { candidateReport, pilotBaseline, pilotReport } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../src/reviews/krippendorff-alpha';
import { Factories, signIn } from './support/factories';
import { PipelineFactories } from './support/pipeline-factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('pilot report, launch baseline and candidate reports', () => {
  let t: TestApp;
  let f: Factories;
  let pf: PipelineFactories;

  beforeAll(async () => {
    t = await startTestApp('pilots');
    f = new Factories(t.config.DATABASE_URL);
    pf = new PipelineFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  /**
   * Three teammates: 100 and 140 minutes, and one who ran out of time at 150. The factories name tests
   * "visible 0..2" and "hidden 0..1"; "hidden 1" is failed by everyone although the reference passes it.
   */
  async function pilotScene() {
    const s = await pf.scene('PILOT', { timeLimitMinutes: 150 });
    const ada = await pf.invitee(s, { kind: 'PILOT', name: 'Ada Pilot', startedMinutesAgo: 400, submittedAfterMinutes: 100, tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 1, hiddenTotal: 2 }, reviewLevels: [3, 4] });
    const bob = await pf.invitee(s, { kind: 'PILOT', name: 'Bob Pilot', startedMinutesAgo: 400, submittedAfterMinutes: 140, tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 1, hiddenTotal: 2 }, reviewLevels: [3, 3] });
    const cyd = await pf.invitee(s, { kind: 'PILOT', name: 'Cyd Pilot', startedMinutesAgo: 400, submittedAfterMinutes: 150, automatic: true, tests: { visiblePassed: 2, visibleTotal: 3, hiddenPassed: 0, hiddenTotal: 2 }, reviewLevels: [1, 2] });
    const dee = await pf.invitee(s, { kind: 'PILOT', name: 'Dee Invited' });
    for (const [taker, minutesSpent, difficulty, promptClarity] of [[ada, 100, 3, 4], [bob, 150, 4, 5], [cyd, 180, 5, 3]] as const) {
      await f.prisma.surveyResponse.create({ data: { attemptId: taker.attempt!.id, minutesSpent, difficulty, promptClarity, comments: `${minutesSpent} minutes` } });
    }
    const names = ['visible 0', 'visible 1', 'visible 2', 'hidden 0', 'hidden 1'];
    await f.prisma.run.create({
      data: {
        kind: 'VERIFICATION', status: 'FINISHED', outcome: 'COMPLETED', challengeVersionId: s.challengeVersionId, runtime: 'node20', suite: 'all', files: {}, finishedAt: new Date(),
        tests: names.map((name) => ({ name, status: 'passed', score: 1, maxScore: 1, output: '', visibility: name.startsWith('hidden') ? 'hidden' : 'visible' })),
      },
    });
    const cookie = await signIn(t.baseUrl, s.lead.email, s.lead.password);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}${path}`, {
        method,
        headers: { Cookie: cookie, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const report = async () => {
      const res = await call('GET', '/pilot-report');
      expect(res.status, await res.clone().text()).toBe(200);
      return pilotReport.parse(await res.json());
    };
    return { ...s, ada, bob, cyd, dee, call, report };
  }

  it('reports times, pass rates with the suspicious test flagged, rubric agreement and survey answers', async () => {
    const s = await pilotScene();
    const report = await s.report();
    expect(report).toMatchObject({ status: 'PILOT', timeLimitMinutes: 150, invited: 4, finished: 3, ranOutOfTime: 1, baseline: null });
    expect(report.minutesTaken).toMatchObject({ count: 3, median: 140, min: 100, max: 150 });
    expect(report.takers.find((x) => x.name === 'Cyd Pilot')).toMatchObject({ ranOutOfTime: true, minutesTaken: 150, minutesAllowed: 150, hiddenTests: { score: 0, maxScore: 2 } });
    expect(report.takers.find((x) => x.name === 'Dee Invited')).toMatchObject({ stage: 'INVITED', submittedAt: null });
    // The built-in suite ships mutants; a version without any is what the report warns about.
    expect(report.mutants.map((m) => m.runtime)).toEqual(['node20', 'python3']);
    for (const m of report.mutants) expect(m.count).toBeGreaterThanOrEqual(8);

    const test = (name: string) => report.tests.find((x) => x.name === name)!;
    expect(test('visible 2')).toMatchObject({ visibility: 'visible', passed: 2, total: 3, passRate: 0.67, referencePasses: true, flagged: false });
    expect(test('hidden 0')).toMatchObject({ visibility: 'hidden', passed: 2, total: 3, flagged: false });
    expect(test('hidden 1')).toMatchObject({ visibility: 'hidden', passed: 0, total: 3, passRate: 0, referencePasses: true, flagged: true });
    expect(test('hidden 1').flagReason).toMatch(/reference solution passes it, but all 3 pilot takers failed it/);
    expect(report.tests.filter((x) => x.flagged).map((x) => x.name)).toEqual(['hidden 1']);

    expect(report.reviews.submitted).toBe(6);
    const criteria = await f.prisma.rubricCriterion.count({ where: { rubric: { challengeVersionId: s.challengeVersionId } } });
    expect(report.reviews.criteria).toHaveLength(criteria);
    expect(report.reviews.criteria[0]).toMatchObject({ mean: 2.67, maxSpread: 1 });
    expect(report.reviews.criteria[0].scores).toHaveLength(6);
    const units = Array.from({ length: criteria }, () => [[3, 4], [3, 3], [1, 2]]).flat();
    expect(report.reviews.alpha).toBe(Math.round(krippendorffAlpha(units)! * 100) / 100);
    expect(report.reviews.alpha).toBeGreaterThan(0.5);

    expect(report.survey).toMatchObject({ medianMinutesSpent: 150, meanDifficulty: 4, meanClarity: 4 });
    expect(report.survey.responses.map((r) => r.takerName)).toEqual(['Ada Pilot', 'Bob Pilot', 'Cyd Pilot']);
  });

  it('reports no mutants for a challenge version that shipped none', async () => {
    const s = await pilotScene();
    await f.prisma.challengeVersion.update({ where: { id: s.challengeVersionId }, data: { mutants: {} } });
    expect((await s.report()).mutants).toEqual([]);
  });

  it('does not count a run the platform failed to execute as a grade', async () => {
    const s = await pilotScene();
    const failed = await pf.invitee(s, { kind: 'PILOT', name: 'Platform Failed', startedMinutesAgo: 300, submittedAfterMinutes: 30, tests: { visiblePassed: 0, visibleTotal: 0, hiddenPassed: 0, hiddenTotal: 0 } });
    await f.prisma.run.updateMany({ where: { submissionId: failed.submission!.id }, data: { outcome: 'ERROR', logs: 'The platform could not run this' } });
    const report = await s.report();
    expect(report.takers.find((x) => x.name === 'Platform Failed')).toMatchObject({ stage: 'SUBMITTED', hiddenTests: null });
    expect(report.tests.find((x) => x.name === 'hidden 0')).toMatchObject({ passed: 2, total: 3 });
  });

  it('counts a service that never started as failing every test', async () => {
    const s = await pilotScene();
    const noStart = await pf.invitee(s, { kind: 'PILOT', name: 'Nat NoStart', startedMinutesAgo: 300, submittedAfterMinutes: 30, tests: { visiblePassed: 0, visibleTotal: 0, hiddenPassed: 0, hiddenTotal: 0 } });
    const report = await s.report();
    expect(report.tests.find((x) => x.name === 'hidden 0')).toMatchObject({ passed: 2, total: 4 });
    expect(report.tests.find((x) => x.name === 'hidden 1')).toMatchObject({ passed: 0, total: 4, flagged: true });
    expect(report.takers.find((x) => x.invitationId === noStart.invitation.id)).toMatchObject({ hiddenTests: { score: 0, maxScore: 2 }, visibleTests: { score: 0, maxScore: 3 } });
  });

  it('compares pass rates on the current challenge version only, and keeps the version while someone is taking it', async () => {
    const s = await pilotScene();
    const other = await f.prisma.challengeVersion.findFirstOrThrow({ where: { challenge: { organizationId: s.org.id }, id: { not: s.challengeVersionId } } });
    const oldVersion = await pf.invitee(s, { kind: 'PILOT', name: 'Old Version', startedMinutesAgo: 300, submittedAfterMinutes: 30, tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 2, hiddenTotal: 2 } });
    await f.prisma.run.updateMany({ where: { submissionId: oldVersion.submission!.id }, data: { challengeVersionId: other.id } });
    const report = await s.report();
    expect(report.tests.find((x) => x.name === 'hidden 1')).toMatchObject({ passed: 0, total: 3, flagged: true });
    // Their counts are of other tests: shown as none, and left out of the baseline.
    expect(report.takers.find((x) => x.name === 'Old Version')).toMatchObject({ hiddenTests: null, visibleTests: null });

    const taking = await pf.invitee(s, { kind: 'PILOT', name: 'Still Typing', startedMinutesAgo: 10 });
    const refused = await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}`, {
      method: 'PATCH',
      headers: { Cookie: await signIn(t.baseUrl, s.lead.email, s.lead.password), 'Content-Type': 'application/json' },
      body: JSON.stringify({ challengeVersionId: other.id, runtimes: ['node20'] }),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toMatch(/Someone is taking this assessment right now/);
    expect((await f.prisma.assessment.findUniqueOrThrow({ where: { id: s.assessment.id } })).challengeVersionId).toBe(s.challengeVersionId);
    // A revoked taker's attempt is never submitted, but nobody is taking it any more.
    await f.prisma.invitation.update({ where: { id: taking.invitation.id }, data: { status: 'REVOKED', revokedAt: new Date() } });
    const allowed = await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}`, {
      method: 'PATCH',
      headers: { Cookie: await signIn(t.baseUrl, s.lead.email, s.lead.password), 'Content-Type': 'application/json' },
      body: JSON.stringify({ challengeVersionId: other.id, runtimes: ['node20'] }),
    });
    expect(allowed.status, await allowed.clone().text()).toBe(200);
  });

  it('flags a test the reference solution fails, and reports no reference when the version was never verified', async () => {
    const s = await pilotScene();
    await f.prisma.run.updateMany({
      where: { challengeVersionId: s.challengeVersionId, kind: 'VERIFICATION' },
      data: { tests: [{ name: 'visible 0', status: 'failed', score: 0, maxScore: 1, output: '', visibility: 'visible' }] },
    });
    const report = await s.report();
    expect(report.tests.find((x) => x.name === 'visible 0')).toMatchObject({ passed: 3, referencePasses: false, flagged: true, flagReason: expect.stringMatching(/reference solution fails it too/) });

    await f.prisma.run.deleteMany({ where: { challengeVersionId: s.challengeVersionId, kind: 'VERIFICATION' } });
    const unverified = await s.report();
    expect(unverified.tests.find((x) => x.name === 'hidden 1')).toMatchObject({ referencePasses: null, flagged: true, flagReason: expect.stringMatching(/^All 3 pilot takers failed it/) });
  });

  it('freezes the baseline at launch and shows each candidate against it', async () => {
    const s = await pilotScene();
    const launched = await s.call('POST', '/transition', { to: 'LIVE' });
    expect(launched.status, await launched.clone().text()).toBe(200);
    const stored = await f.prisma.assessment.findUniqueOrThrow({ where: { id: s.assessment.id } });
    const baseline = pilotBaseline.parse(stored.pilotBaseline);
    expect(baseline).toMatchObject({
      takers: 3,
      medianMinutes: 140,
      hiddenTests: { medianPassed: 1, total: 2 },
      visibleTests: { medianPassed: 3, total: 3 },
      rubric: { medianWeightedTotal: 3 },
    });
    expect(baseline.rubric.criteria[0]).toMatchObject({ median: 3 });
    expect((await s.report()).baseline).toEqual(baseline);

    // A later pilot review does not move the frozen baseline.
    await pf.invitee(s, { kind: 'PILOT', name: 'Late Pilot', startedMinutesAgo: 300, submittedAfterMinutes: 10, tests: { visiblePassed: 0, visibleTotal: 3, hiddenPassed: 0, hiddenTotal: 2 }, reviewLevels: [1] });
    const candidate = await pf.invitee(s, { name: 'Carla Candidate', startedMinutesAgo: 200, submittedAfterMinutes: 120, tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 2, hiddenTotal: 2 }, reviewLevels: [4, 3] });
    const res = await s.call('GET', `/invitations/${candidate.invitation.id}/report`);
    expect(res.status).toBe(200);
    const report = candidateReport.parse(await res.json());
    expect(report).toMatchObject({
      kind: 'CANDIDATE',
      name: 'Carla Candidate',
      stage: 'REVIEWED',
      minutesTaken: 120,
      hiddenTests: { passed: 2, total: 2, pilotMedian: 1 },
      visibleTests: { passed: 3, total: 3, pilotMedian: 3 },
      rubric: { weightedTotal: 3.5, pilotMedian: 3 },
      recommendations: ['YES', 'YES'],
      baseline,
    });
    expect(report.rubric!.criteria[0]).toMatchObject({ mean: 3.5, pilotMedian: 3 });
  });

  it('launching without a pilot keeps no baseline, and a draft can come back from the pilot', async () => {
    const s = await pf.scene('DRAFT');
    const cookie = await signIn(t.baseUrl, s.lead.email, s.lead.password);
    const to = (status: string) =>
      fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/transition`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ to: status }) });
    const verifications = () => f.prisma.run.count({ where: { challengeVersionId: s.challengeVersionId, kind: 'VERIFICATION' } });
    expect(await verifications()).toBe(0);
    expect((await to('PILOT')).status).toBe(200);
    // Starting the pilot verified the reference solution (one run per runtime the built-in challenge offers), so the
    // report can compare teammates with it.
    expect(await verifications()).toBe(6);
    expect((await to('DRAFT')).status).toBe(200);
    expect((await to('LIVE')).status).toBe(200);
    expect((await f.prisma.assessment.findUniqueOrThrow({ where: { id: s.assessment.id } })).pilotBaseline).toBeNull();
    expect((await to('DRAFT')).status).toBe(409);
    const candidate = await pf.invitee(s, { name: 'Nia NoPilot', startedMinutesAgo: 100, submittedAfterMinutes: 50, tests: { visiblePassed: 1, visibleTotal: 3, hiddenPassed: 1, hiddenTotal: 2 } });
    const report = candidateReport.parse(
      await (await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/invitations/${candidate.invitation.id}/report`, { headers: { Cookie: cookie } })).json(),
    );
    expect(report).toMatchObject({ baseline: null, hiddenTests: { passed: 1, total: 2, pilotMedian: null }, rubric: null });
  });

  it('is for the team’s leads only: reviewers are refused and other organizations see nothing', async () => {
    const s = await pilotScene();
    const reviewer = await f.user(s.org.id, 'REVIEWER');
    const reviewerCookie = await signIn(t.baseUrl, reviewer.email, reviewer.password);
    const asReviewer = await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/pilot-report`, { headers: { Cookie: reviewerCookie } });
    expect(asReviewer.status).toBe(403);

    const other = await pf.scene('PILOT');
    const otherCookie = await signIn(t.baseUrl, other.lead.email, other.lead.password);
    expect((await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/pilot-report`, { headers: { Cookie: otherCookie } })).status).toBe(404);
    const stolen = await fetch(`${t.baseUrl}/api/assessments/${other.assessment.id}/invitations/${s.ada.invitation.id}/report`, { headers: { Cookie: otherCookie } });
    expect(stolen.status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}/pilot-report`)).status).toBe(401);
    expect((await s.call('GET', '/invitations/not-a-uuid/report')).status).toBe(400);
  });
});
