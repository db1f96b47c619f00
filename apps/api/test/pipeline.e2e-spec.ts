import { assessmentAnalytics, errorResponse, pipelineRow } from '@takehome/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Factories, signIn } from './support/factories';
import { PipelineFactories } from './support/pipeline-factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('pipeline dashboard, export and analytics', () => {
  let t: TestApp;
  let f: Factories;
  let pf: PipelineFactories;

  beforeAll(async () => {
    t = await startTestApp('pipeline');
    f = new Factories(t.config.DATABASE_URL);
    pf = new PipelineFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  /**
   * One of each: invited, expired, revoked, started, submitted, graded (hidden 1/2), and two with feedback
   * (hidden 2/2 and 0/2; reviews 3+4 and 2+2), plus a pilot taker. Minutes taken 60, 90, 120, 150.
   */
  async function scene() {
    const s = await pf.scene('LIVE', { name: 'Backend / "Platform" engineer' });
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    const rows = {
      invited: await pf.invitee(s, { name: 'Ivy Invited', createdAt: at(1) }),
      expired: await pf.invitee(s, { name: 'Ezra Expired', createdAt: at(9), expiresAt: at(2) }),
      revoked: await pf.invitee(s, { name: 'Rex Revoked', createdAt: at(8), revoked: true }),
      started: await pf.invitee(s, { name: 'Stan Started', createdAt: at(7), startedMinutesAgo: 30 }),
      submitted: await pf.invitee(s, { name: 'Sue Submitted', createdAt: at(6), startedMinutesAgo: 300, submittedAfterMinutes: 60 }),
      graded: await pf.invitee(s, {
        name: '=HYPERLINK("http://evil.test","click")',
        createdAt: at(5),
        startedMinutesAgo: 3000,
        submittedAfterMinutes: 150,
        automatic: true,
        tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 1, hiddenTotal: 2 },
      }),
      done: await pf.invitee(s, {
        name: '+Dora Done',
        createdAt: at(4),
        startedMinutesAgo: 3000,
        submittedAfterMinutes: 90,
        tests: { visiblePassed: 3, visibleTotal: 3, hiddenPassed: 2, hiddenTotal: 2 },
        reviewLevels: [3, 4],
        feedbackAfterHours: 10,
      }),
      done2: await pf.invitee(s, {
        name: '@Otto Other',
        email: '-otto@candidate.test',
        createdAt: at(3),
        startedMinutesAgo: 3000,
        submittedAfterMinutes: 120,
        tests: { visiblePassed: 1, visibleTotal: 3, hiddenPassed: 0, hiddenTotal: 2 },
        reviewLevels: [2, 2],
        feedbackAfterHours: 20,
      }),
      pilot: await pf.invitee(s, { kind: 'PILOT', name: 'Pat Pilot', createdAt: at(20), startedMinutesAgo: 20_000, submittedAfterMinutes: 100 }),
    };
    const cookie = await signIn(t.baseUrl, s.lead.email, s.lead.password);
    const get = (path: string) => fetch(`${t.baseUrl}/api/assessments/${s.assessment.id}${path}`, { headers: { Cookie: cookie } });
    const dashboard = async (query = '') => {
      const res = await get(`/invitations${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return z.array(pipelineRow).parse(await res.json());
    };
    return { ...s, rows, get, dashboard };
  }

  it('derives every row’s stage and results, newest first', async () => {
    const s = await scene();
    const rows = await s.dashboard();
    expect(rows.map((r) => r.name)).toEqual([
      'Ivy Invited', '@Otto Other', '+Dora Done', '=HYPERLINK("http://evil.test","click")', 'Sue Submitted', 'Stan Started', 'Rex Revoked', 'Ezra Expired', 'Pat Pilot',
    ]);
    const byName = (name: string) => rows.find((r) => r.name === name)!;
    expect(rows.map((r) => r.stage)).toEqual(['INVITED', 'FEEDBACK_SENT', 'FEEDBACK_SENT', 'GRADED', 'SUBMITTED', 'STARTED', 'REVOKED', 'EXPIRED', 'SUBMITTED']);

    const graded = byName('=HYPERLINK("http://evil.test","click")');
    expect(graded).toMatchObject({ ranOutOfTime: true, minutesTaken: 150, hiddenTests: { score: 1, maxScore: 2 }, visibleTests: { score: 3, maxScore: 3 }, rubricScore: null, reviewsSubmitted: 0 });
    expect(graded.stageSince).toBe(graded.gradedAt);

    const done = byName('+Dora Done');
    expect(done).toMatchObject({ ranOutOfTime: false, minutesTaken: 90, rubricScore: 3.5, reviewsSubmitted: 2, runtime: 'node20' });
    expect(done.reviewedAt).not.toBeNull();
    expect(new Date(done.feedbackReleasedAt!).getTime() - new Date(done.submittedAt!).getTime()).toBe(10 * 3_600_000);
    expect(done.submissionId).toBe(s.rows.done.submission!.id);

    expect(byName('Stan Started')).toMatchObject({ submittedAt: null, minutesTaken: null, hiddenTests: null, deadline: expect.any(String) });
    expect(byName('Ezra Expired').stageSince).toBe(byName('Ezra Expired').expiresAt);
  });

  it('filters by stage, kind and name or email, and names a bad filter', async () => {
    const s = await scene();
    expect((await s.dashboard('?stage=EXPIRED')).map((r) => r.name)).toEqual(['Ezra Expired']);
    expect((await s.dashboard('?stage=FEEDBACK_SENT')).map((r) => r.name)).toEqual(['@Otto Other', '+Dora Done']);
    expect((await s.dashboard('?stage=SUBMITTED&kind=CANDIDATE')).map((r) => r.name)).toEqual(['Sue Submitted']);
    expect((await s.dashboard('?kind=PILOT')).map((r) => r.name)).toEqual(['Pat Pilot']);
    expect((await s.dashboard('?q=DORA')).map((r) => r.name)).toEqual(['+Dora Done']);
    expect((await s.dashboard('?q=-otto@')).map((r) => r.name)).toEqual(['@Otto Other']);
    const bad = await s.get('/invitations?stage=HIRED');
    expect(bad.status).toBe(400);
    expect(errorResponse.parse(await bad.json()).issues!.map((i) => i.path)).toEqual(['stage']);
    const badKind = await s.get('/invitations?kind=ROBOT');
    expect(errorResponse.parse(await badKind.json()).issues!.map((i) => i.path)).toEqual(['kind']);
  });

  it('exports the filtered rows as CSV, neutralising cells a spreadsheet would run as formulas', async () => {
    const s = await scene();
    const res = await s.get('/invitations/export.csv?kind=CANDIDATE');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?backend-platform-engineer-pipeline-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const text = await res.text();
    const records: Record<string, string>[] = parse(text, { columns: true, bom: true });
    expect(records).toHaveLength(8);
    expect(records.map((r) => r.name)).toContain(`'=HYPERLINK("http://evil.test","click")`);
    expect(records.map((r) => r.name)).toContain("'+Dora Done");
    const otto = records.find((r) => r.name === "'@Otto Other")!;
    expect(otto.email).toBe("'-otto@candidate.test");
    expect(otto).toMatchObject({ stage: 'FEEDBACK_SENT', hidden_tests_passed: '0', hidden_tests_total: '2', visible_tests_passed: '1', rubric_score: '2', reviews_submitted: '2', minutes_taken: '120', ran_out_of_time: 'no' });
    const graded = records.find((r) => r.stage === 'GRADED')!;
    expect(graded).toMatchObject({ ran_out_of_time: 'yes', hidden_tests_passed: '1', rubric_score: '', reviewed_at: '' });
    expect(Number(graded.hours_in_stage)).toBeGreaterThan(0);
    expect(Object.keys(records[0])).toEqual(
      expect.arrayContaining(['invited_at', 'started_at', 'submitted_at', 'graded_at', 'reviewed_at', 'feedback_released_at', 'hours_in_stage', 'kind']),
    );
    expect(records.find((r) => r.stage === 'INVITED')!.ran_out_of_time).toBe('');
  });

  it('computes completion, drop-off, time to feedback and distributions on a known scene', async () => {
    const s = await scene();
    const res = await s.get('/analytics');
    expect(res.status).toBe(200);
    const a = assessmentAnalytics.parse(await res.json());
    expect(a).toMatchObject({ kind: 'CANDIDATE', invited: 7, revoked: 1, expired: 1, completionRate: 0.571 });
    expect(a.dropOff).toEqual([
      { stage: 'INVITED', reached: 7, lostFromPrevious: 0, lostRate: null },
      { stage: 'STARTED', reached: 5, lostFromPrevious: 2, lostRate: 0.286 },
      { stage: 'SUBMITTED', reached: 4, lostFromPrevious: 1, lostRate: 0.2 },
      { stage: 'GRADED', reached: 3, lostFromPrevious: 1, lostRate: 0.25 },
      { stage: 'REVIEWED', reached: 2, lostFromPrevious: 1, lostRate: 0.333 },
      { stage: 'FEEDBACK_SENT', reached: 2, lostFromPrevious: 0, lostRate: 0 },
    ]);
    expect(a.timeToFeedbackHours).toEqual({ count: 2, median: 15, p90: 19 });
    expect(a.minutesTaken).toEqual({ count: 4, median: 105 });
    expect(a.hiddenTestDistribution).toHaveLength(10);
    expect(a.hiddenTestDistribution.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([
      ['0–10%', 1],
      ['50–60%', 1],
      ['90–100%', 1],
    ]);
    expect(a.rubricDistribution.map((b) => b.label)).toEqual(['1.0–1.5', '1.5–2.0', '2.0–2.5', '2.5–3.0', '3.0–3.5', '3.5–4.0']);
    expect(a.rubricDistribution.map((b) => b.count)).toEqual([0, 0, 1, 0, 0, 1]);

    const pilot = assessmentAnalytics.parse(await (await s.get('/analytics?kind=PILOT')).json());
    expect(pilot).toMatchObject({ kind: 'PILOT', invited: 1, completionRate: 1, minutesTaken: { count: 1, median: 100 } });
    const bad = await s.get('/analytics?kind=EVERYONE');
    expect(bad.status).toBe(400);
    expect(errorResponse.parse(await bad.json()).issues!.map((i) => i.path)).toEqual(['kind']);
  });
});
