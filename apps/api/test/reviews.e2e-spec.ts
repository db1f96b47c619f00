import { auditPage, myReviewView, reviewAggregate, reviewPipelineItem, reviewQueueItem, reviewWorkspace, rubricAgreement, type SaveReviewRequest } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Factories, signIn } from './support/factories';
import { ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('reviews', () => {
  let t: TestApp;
  let factories: Factories;
  let reviews: ReviewFactories;

  beforeAll(async () => {
    t = await startTestApp('reviews');
    factories = new Factories(t.config.DATABASE_URL);
    reviews = new ReviewFactories(factories);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${t.baseUrl}/api${path}`, {
      ...init,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...init.headers },
    });
  const login = (u: { email: string; password: string }) => signIn(t.baseUrl, u.email, u.password);

  /** Levels per criterion in rubric order; comments name the reviewer so leaks between reviewers show. */
  function review(rubric: { id: string }[], levels: number[], who: string): SaveReviewRequest {
    return {
      recommendation: levels[0] >= 3 ? 'YES' : 'NO',
      summary: `summary by ${who}`,
      scores: rubric.map((c, i) => ({ criterionId: c.id, level: levels[i], comment: `${who} on criterion ${i}` })),
    };
  }

  it('walks queue -> draft -> submit, keeps the candidate blind until every assigned review is in', async () => {
    const scene = await reviews.reviewScene();
    const [r1, r2] = scene.reviewers;
    const [c1, c2, lead] = [await login(r1), await login(r2), await login(scene.lead)];
    const secrets = [scene.invitation.candidateName, scene.invitation.candidateEmail, scene.invitation.candidateEmail.split('@')[0]];
    const bodies: string[] = [];
    const record = async (res: Response) => {
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    };

    // Round-robin fills the assessment's two reviewer slots.
    const assigned = await record(await api(`/reviews/submissions/${scene.submission.id}/assignments`, lead, { method: 'POST', json: {} }));
    expect(assigned.status).toBe(200);
    expect(new Set(assigned.json.assigned)).toEqual(new Set([r1.id, r2.id]));

    const queue = await record(await api('/reviews/queue', c1));
    const [item] = z.array(reviewQueueItem).parse(queue.json);
    expect(item).toMatchObject({ submissionId: scene.submission.id, pseudonym: scene.invitation.pseudonym, myReviewStatus: 'NOT_STARTED' });
    expect(item.waitingSeconds).toBeGreaterThanOrEqual(3 * 3600 - 5);

    const ws = reviewWorkspace.parse((await record(await api(`/reviews/submissions/${scene.submission.id}`, c1))).json);
    expect(ws.blind).toBe(true);
    expect(ws.candidate).toEqual({ pseudonym: scene.invitation.pseudonym, name: null });
    expect(ws.timing).toMatchObject({ minutesTaken: 95, limitMinutes: 150 });
    expect(ws.rubric).toHaveLength(5);
    expect(ws.rubric.every((c) => c.levels.length === 4)).toBe(true);
    expect(ws.run?.tests.map((x) => x.visibility)).toContain('hidden');
    expect(ws.starterFiles.map((f) => f.path)).toContain('server.js');
    // The starter only: no hidden test sources or reference solutions reach the browser.
    expect(JSON.stringify(ws)).not.toMatch(/solutions\/|tests\/hidden/);

    // Draft with a missing level is fine; submitting it is not.
    const partial = review(ws.rubric, [3, 3, 2, 2, 3], 'reviewer-one');
    partial.scores[4].level = null;
    const draft = await record(await api(`/reviews/submissions/${scene.submission.id}/draft`, c1, { method: 'PUT', json: partial }));
    expect(myReviewView.parse(draft.json)).toMatchObject({ status: 'DRAFT' });
    expect(draft.json.scores[4].level).toBeNull();
    const incomplete = await record(await api(`/reviews/submissions/${scene.submission.id}/submit`, c1, { method: 'POST', json: partial }));
    expect(incomplete.status).toBe(400);

    const submitted = await record(await api(`/reviews/submissions/${scene.submission.id}/submit`, c1, { method: 'POST', json: review(ws.rubric, [3, 3, 2, 2, 3], 'reviewer-one') }));
    expect(submitted.status).toBe(200);
    expect(submitted.json.status).toBe('SUBMITTED');
    // Final: neither a new draft nor a second submit changes it.
    expect((await record(await api(`/reviews/submissions/${scene.submission.id}/draft`, c1, { method: 'PUT', json: partial }))).status).toBe(409);
    expect((await api('/reviews/queue', c1).then((r) => r.json())) as unknown[]).toHaveLength(0);

    // Reviewer two sees none of reviewer one's scores or comments, and still no name.
    const ws2 = await record(await api(`/reviews/submissions/${scene.submission.id}`, c2));
    expect(JSON.stringify(ws2.json)).not.toContain('reviewer-one');
    expect(ws2.json.blind).toBe(true);
    await record(await api('/reviews/queue', c2));
    await record(await api(`/reviews/submissions/${scene.submission.id}/draft`, c2, { method: 'PUT', json: review(ws.rubric, [1, 3, 4, 2, 3], 'reviewer-two') }));

    // The automated blindness check: nothing any reviewer-facing endpoint answered names the candidate.
    for (const body of bodies) for (const secret of secrets) expect(body.toLowerCase()).not.toContain(secret.toLowerCase());

    await record(await api(`/reviews/submissions/${scene.submission.id}/submit`, c2, { method: 'POST', json: review(ws.rubric, [1, 3, 4, 2, 3], 'reviewer-two') }));
    const after = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, c1).then((r) => r.json()));
    expect(after).toMatchObject({ blind: false, candidate: { name: scene.invitation.candidateName } });

    // The lead sees both side by side, with the spread and the calibration flags.
    const agg = reviewAggregate.parse(await api(`/reviews/submissions/${scene.submission.id}/aggregate`, lead).then((r) => r.json()));
    expect(agg.submittedReviews).toBe(2);
    expect(agg.criteria.map((c) => c.spread)).toEqual([2, 0, 2, 0, 0]);
    expect(agg.criteria.filter((c) => c.needsCalibration).map((c) => c.key)).toEqual([ws.rubric[0].key, ws.rubric[2].key]);
    expect(agg.needsCalibration).toBe(true);
    expect(agg.reviewers).toHaveLength(2);
    const pipeline = z.array(reviewPipelineItem).parse(await api('/reviews/pipeline', lead).then((r) => r.json()));
    expect(pipeline[0].assignments.map((a) => a.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
    const [agreement] = z.array(rubricAgreement).parse(await api('/reviews/agreement', lead).then((r) => r.json()));
    expect(agreement).toMatchObject({ submissions: 1, reviews: 2 });
    expect(agreement.alpha).not.toBeNull();

    // Every decision is on the audit trail with its actor.
    const events = await factories.prisma.auditEvent.findMany({ where: { organizationId: scene.org.id, action: { startsWith: 'review.' } }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['review.assigned', scene.lead.id],
      ['review.assigned', scene.lead.id],
      ['review.submitted', r1.id],
      ['review.submitted', r2.id],
    ]);
    const admin = await factories.user(scene.org.id, 'ADMIN');
    const adminCookie = await login(admin);
    const trail = auditPage.parse(await api(`/audit?subjectId=${scene.submission.id}&action=review.`, adminCookie).then((r) => r.json())).events.reverse();
    expect(trail.map((e) => `${e.actorName}: ${e.action}`)).toEqual([
      `${scene.lead.name}: review.assigned`,
      `${scene.lead.name}: review.assigned`,
      `${r1.name}: review.submitted`,
      `${r2.name}: review.submitted`,
    ]);
    expect((await api('/audit', c1)).status).toBe(403);
    // The trail watches leads too, so it is for admins.
    expect((await api('/audit', lead)).status).toBe(403);
  });

  it('round-robin gives the next submission to the reviewer with the fewest open reviews', async () => {
    const scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    const lead = await login(scene.lead);
    const [r1, r2] = scene.reviewers;
    const assigned = z.object({ assigned: z.array(z.uuid()) });
    const first = assigned.parse(await api(`/reviews/submissions/${scene.submission.id}/assignments`, lead, { method: 'POST', json: {} }).then((r) => r.json()));
    const { submission: second } = await reviews.submission(scene.org.id, scene.assessment);
    const next = assigned.parse(await api(`/reviews/submissions/${second.id}/assignments`, lead, { method: 'POST', json: {} }).then((r) => r.json()));
    expect(new Set([...first.assigned, ...next.assigned])).toEqual(new Set([r1.id, r2.id]));
    // Manual assignment adds a named reviewer on top.
    const manual = await api(`/reviews/submissions/${second.id}/assignments`, lead, { method: 'POST', json: { reviewerIds: [first.assigned[0]] } });
    expect(await manual.json()).toEqual({ assigned: [first.assigned[0]] });
  });

  it('shows names to reviewers right away when the assessment is not blind', async () => {
    const scene = await reviews.reviewScene({ blindReview: false });
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, await login(scene.reviewers[0])).then((r) => r.json()));
    expect(ws.candidate.name).toBe(scene.invitation.candidateName);
  });
  it('lets exactly one of five concurrent submits of one draft through; the rest get 409, with one audit event and one webhook', async () => {
    const scene = await reviews.reviewScene();
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    await factories.prisma.webhookEndpoint.create({
      data: { organizationId: scene.org.id, url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(32), events: ['review.submitted'] },
    });
    const cookie = await login(scene.reviewers[0]);
    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, cookie).then((r) => r.json()));
    await api(`/reviews/submissions/${scene.submission.id}/draft`, cookie, { method: 'PUT', json: review(ws.rubric, [2, 2, 2, 2, 2], 'draft') });
    const results = await Promise.all(
      [1, 2, 3, 4].concat(4).map((level, i) =>
        api(`/reviews/submissions/${scene.submission.id}/submit`, cookie, { method: 'POST', json: review(ws.rubric, [level, level, level, level, level], `tab ${i}`) }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = myReviewView.parse(await results.find((r) => r.status === 200)!.json());
    const stored = await factories.prisma.review.findFirstOrThrow({ where: { submissionId: scene.submission.id }, include: { scores: true } });
    expect(stored.recommendation).toBe(winner.recommendation);
    expect(stored.scores.map((x) => x.level)).toEqual(winner.scores.map((x) => x.level));
    const events = await factories.prisma.auditEvent.count({ where: { organizationId: scene.org.id, action: 'review.submitted' } });
    const deliveries = await factories.prisma.webhookDelivery.count({ where: { endpoint: { organizationId: scene.org.id }, event: 'review.submitted' } });
    expect({ events, deliveries }).toEqual({ events: 1, deliveries: 1 });
  });

  it('answers a criterion scored twice in one review with 400', async () => {
    const scene = await reviews.reviewScene();
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    const cookie = await login(scene.reviewers[0]);
    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, cookie).then((r) => r.json()));
    const body = review(ws.rubric, [3, 3, 3, 3, 3], 'dup');
    body.scores.push({ ...body.scores[0], level: 1 });
    const res = await api(`/reviews/submissions/${scene.submission.id}/draft`, cookie, { method: 'PUT', json: body });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/scored more than once/);
  });

  it('shows reviewers the assessment\'s time limit, never an accommodation that would identify the candidate', async () => {
    const scene = await reviews.reviewScene();
    await factories.prisma.invitation.update({ where: { id: scene.invitation.id }, data: { accommodationMinutes: 45 } });
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    const text = await api(`/reviews/submissions/${scene.submission.id}`, await login(scene.reviewers[0])).then((r) => r.text());
    expect(reviewWorkspace.parse(JSON.parse(text)).timing).toMatchObject({ minutesTaken: 95, limitMinutes: 150 });
    expect(text).not.toMatch(/195|accommodation/i);
  });

  it("shows the grading run's sidecar logs beside the candidate's output, and none for a challenge without sidecars", async () => {
    const scene = await reviews.reviewScene();
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    const cookie = await login(scene.reviewers[0]);
    const read = async () => reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, cookie).then((r) => r.json()));
    expect((await read()).run).not.toHaveProperty('serviceLogs');
    const serviceLogs = [{ name: 'postgres', log: 'ERROR:  duplicate key value violates unique constraint "orders_pkey"\n' }, { name: 'redis', log: 'Ready to accept connections\n' }];
    await factories.prisma.run.updateMany({ where: { submissionId: scene.submission.id, kind: 'GRADING' }, data: { serviceLogs } });
    expect((await read()).run).toMatchObject({ logs: 'listening on 8080\n', serviceLogs });
  });

  it('keeps a hiring lead who is also a reviewer blind, and out of colleagues\' scores until their own review is in', async () => {
    const scene = await reviews.reviewScene();
    await reviews.assign(scene.submission.id, scene.lead.id, scene.reviewers[0].id);
    const lead = await login(scene.lead);
    const everywhere = (cookie: string) => [
      '/reviews/pipeline',
      '/feedback/queue',
      `/reviews/submissions/${scene.submission.id}/aggregate`,
      // The hiring side pairs identity with results too: dashboard, its CSV, the candidate report, analytics.
      `/assessments/${scene.assessment.id}/invitations`,
      `/assessments/${scene.assessment.id}/invitations/export.csv`,
      `/assessments/${scene.assessment.id}/invitations/${scene.invitation.id}/report`,
      `/assessments/${scene.assessment.id}/analytics?kind=CANDIDATE`,
      `/assessments/${scene.assessment.id}/pilot-report`,
    ];
    const leadView = async () => (await Promise.all(everywhere(lead).map((path) => api(path, lead).then((r) => r.text())))).join('\n');
    const secrets = [scene.invitation.candidateName, scene.invitation.candidateEmail];
    for (const secret of secrets) expect(await leadView()).not.toContain(secret);
    // Searching the dashboard by name must not tell which pseudonym it is.
    const search = await api(`/assessments/${scene.assessment.id}/invitations?q=${encodeURIComponent(scene.invitation.candidateName)}`, lead).then((r) => r.json());
    expect(search).toEqual([]);
    // A lead who is not one of the reviewers runs the pipeline by name.
    const otherLead = await login(await factories.user(scene.org.id, 'HIRING_LEAD'));
    const rows = await api(`/assessments/${scene.assessment.id}/invitations`, otherLead).then((r) => r.json());
    expect(rows[0]).toMatchObject({ name: scene.invitation.candidateName, email: scene.invitation.candidateEmail, identityHidden: false });
    expect((await api(`/reviews/submissions/${scene.submission.id}/aggregate`, lead)).status).toBe(403);
    expect((await api(`/feedback/submissions/${scene.submission.id}`, lead)).status).toBe(403);

    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, lead).then((r) => r.json()));
    await api(`/reviews/submissions/${scene.submission.id}/submit`, lead, { method: 'POST', json: review(ws.rubric, [3, 3, 3, 3, 3], 'lead') });
    // Own review in: the aggregate opens, but the name waits for the other reviewer.
    expect((await api(`/reviews/submissions/${scene.submission.id}/aggregate`, lead)).status).toBe(200);
    for (const secret of secrets) expect(await leadView()).not.toContain(secret);
    expect((await api(`/feedback/submissions/${scene.submission.id}`, lead)).status).toBe(403);
  });
});
