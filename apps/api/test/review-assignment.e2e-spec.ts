import { leadHome, reviewQueueItem } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('automatic review assignment and the lead home', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('review-assignment');
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  const api = (path: string, cookie: string, init: RequestInit = {}) => fetch(`${t.baseUrl}/api${path}`, { ...init, headers: { Cookie: cookie, ...init.headers } });
  const login = (u: { email: string; password: string }) => signIn(t.baseUrl, u.email, u.password);

  /** A candidate who opened the link and started; submitting is left to the test. */
  async function startedCandidate(scene: { org: { id: string }; assessment: { id: string } }) {
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    return { invitation, client };
  }

  const submissionOf = (invitationId: string) => f.prisma.submission.findFirstOrThrow({ where: { attempt: { invitationId } }, include: { assignments: true } });

  it('assigns concurrent submissions exactly once each, balanced by open load, only to active reviewers', async () => {
    const scene = await cf.scene();
    const [r1, r2, r3] = [await f.user(scene.org.id, 'REVIEWER'), await f.user(scene.org.id, 'REVIEWER'), await f.user(scene.org.id, 'REVIEWER')];
    const lead = await f.user(scene.org.id, 'HIRING_LEAD');
    await f.user(scene.org.id, 'ADMIN');
    const disabled = await f.user(scene.org.id, 'REVIEWER');
    await f.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const otherOrg = await f.organization();
    await f.user(otherOrg.id, 'REVIEWER');

    const candidates = await Promise.all(Array.from({ length: 6 }, () => startedCandidate(scene)));
    const submits = await Promise.all(candidates.map((c) => c.client.json('POST', '/submit')));
    expect(submits.map((s) => s.status)).toEqual(Array(6).fill(200));
    // A second submit changes nothing: the assignment belongs to the submission's one commit.
    expect((await candidates[0].client.json('POST', '/submit')).status).toBe(409);

    const submissions = await Promise.all(candidates.map((c) => submissionOf(c.invitation.id)));
    const reviewers = new Set([r1.id, r2.id, r3.id]);
    for (const s of submissions) {
      expect(s.assignments).toHaveLength(2);
      expect(new Set(s.assignments.map((a) => a.reviewerId)).size).toBe(2);
      for (const a of s.assignments) expect(reviewers.has(a.reviewerId)).toBe(true);
    }
    // 12 reviews over 3 reviewers: balanced means 4 each, which racing transactions would break without the lock.
    const load = [r1, r2, r3].map((r) => submissions.flatMap((s) => s.assignments).filter((a) => a.reviewerId === r.id).length);
    expect(load).toEqual([4, 4, 4]);
    const events = await f.prisma.auditEvent.findMany({ where: { organizationId: scene.org.id, action: 'review.assigned' } });
    expect(events).toHaveLength(12);
    expect(events.every((e) => e.actorId === null && (e.data as { mode: string }).mode === 'automatic')).toBe(true);

    // The reviewer's queue filled without the lead, each item with its due date (72 h default SLA).
    const queue = z.array(reviewQueueItem).parse(await api('/reviews/queue', await login(r1)).then((r) => r.json()));
    expect(queue).toHaveLength(4);
    for (const item of queue) expect(Date.parse(item.dueAt) - Date.parse(item.assignedAt)).toBe(72 * 3_600_000);

    // The lead reassigns: takes the review from one reviewer and gives it to the one who did not have it.
    const leadCookie = await login(lead);
    const target = submissions[0];
    const [gone] = target.assignments;
    const newcomer = [r1, r2, r3].find((r) => !target.assignments.some((a) => a.reviewerId === r.id))!;
    expect((await api(`/reviews/submissions/${target.id}/assignments/${gone.reviewerId}`, leadCookie, { method: 'DELETE' })).status).toBe(200);
    const body = JSON.stringify({ reviewerIds: [newcomer.id] });
    expect((await api(`/reviews/submissions/${target.id}/assignments`, leadCookie, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status).toBe(200);
    const after = await submissionOf(candidates[0].invitation.id);
    expect(after.assignments.map((a) => a.reviewerId).sort()).toEqual(target.assignments.filter((a) => a !== gone).map((a) => a.reviewerId).concat(newcomer.id).sort());
    // A submitted review stays: it cannot be taken away.
    const keeper = after.assignments.find((a) => a.reviewerId !== newcomer.id)!;
    await f.prisma.review.create({ data: { submissionId: target.id, reviewerId: keeper.reviewerId, status: 'SUBMITTED', submittedAt: new Date() } });
    expect((await api(`/reviews/submissions/${target.id}/assignments/${keeper.reviewerId}`, leadCookie, { method: 'DELETE' })).status).toBe(409);
  });

  it("assigns only the assessment's listed reviewers, pilots included, and shows the shortfall on the lead's home", async () => {
    const scene = await cf.scene();
    await f.prisma.assessment.update({ where: { id: scene.assessment.id }, data: { status: 'PILOT', reviewersPerSubmission: 3 } });
    const [listed, unlisted] = [await f.user(scene.org.id, 'REVIEWER'), await f.user(scene.org.id, 'REVIEWER')];
    const lead = await f.user(scene.org.id, 'HIRING_LEAD');
    const leadCookie = await login(lead);
    const put = (body: unknown) => api(`/reviews/assessments/${scene.assessment.id}/settings`, leadCookie, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    // Bad input names its field; someone from another organization is never a reviewer here.
    const outsider = await f.user((await f.organization()).id, 'REVIEWER');
    const refused = await put({ reviewerIds: [listed.id, outsider.id], reviewSlaHours: 24 });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('reviewerIds');
    const badSla = await put({ reviewerIds: [listed.id], reviewSlaHours: 0 });
    expect(badSla.status).toBe(400);
    expect(await badSla.text()).toContain('reviewSlaHours');
    expect((await put({ reviewerIds: [listed.id, lead.id], reviewSlaHours: 24 })).status).toBe(200);
    const stranger = await login(await f.user((await f.organization()).id, 'HIRING_LEAD'));
    expect((await api(`/reviews/assessments/${scene.assessment.id}/settings`, stranger)).status).toBe(404);
    const pilot = await startedCandidate(scene);
    await f.prisma.invitation.update({ where: { id: pilot.invitation.id }, data: { kind: 'PILOT' } });
    expect((await pilot.client.json('POST', '/submit')).status).toBe(200);

    const submission = await submissionOf(pilot.invitation.id);
    expect(submission.assignments.map((a) => a.reviewerId).sort()).toEqual([listed.id, lead.id].sort());
    expect(submission.assignments.map((a) => a.reviewerId)).not.toContain(unlisted.id);

    const [due] = z.array(reviewQueueItem).parse(await api('/reviews/queue', await login(listed)).then((r) => r.json()));
    expect(Date.parse(due.dueAt) - Date.parse(due.assignedAt)).toBe(24 * 3_600_000);
    const home = leadHome.parse(await api('/home/lead', leadCookie).then((r) => r.json()));
    expect(home.reviewerShortfall).toEqual([{ assessmentId: scene.assessment.id, assessmentName: scene.assessment.name, wanted: 3, available: 2 }]);
    expect(home.waitingForReview).toMatchObject([{ submissionId: submission.id, assigned: 2, reviewsIn: 0, wanted: 3 }]);
    expect(home.pilotsToRead).toEqual([{ assessmentId: scene.assessment.id, assessmentName: scene.assessment.name, submissions: 1 }]);
  });

  it("lists what needs the lead's action in their organization only, and grades a failed grading again once", async () => {
    const scene = await cf.scene();
    const [r1, r2] = [await f.user(scene.org.id, 'REVIEWER'), await f.user(scene.org.id, 'REVIEWER')];
    const lead = await f.user(scene.org.id, 'HIRING_LEAD');
    const [overdue, ready, failed] = [await startedCandidate(scene), await startedCandidate(scene), await startedCandidate(scene)];
    for (const c of [overdue, ready, failed]) expect((await c.client.json('POST', '/submit')).status).toBe(200);
    const [sOverdue, sReady, sFailed] = await Promise.all([overdue, ready, failed].map((c) => submissionOf(c.invitation.id)));
    // Assigned four days ago: past the 72 h SLA.
    await f.prisma.reviewAssignment.updateMany({ where: { submissionId: sOverdue.id }, data: { assignedAt: new Date(Date.now() - 96 * 3_600_000) } });
    await f.prisma.review.createMany({ data: [r1, r2].map((r) => ({ submissionId: sReady.id, reviewerId: r.id, status: 'SUBMITTED' as const, submittedAt: new Date() })) });
    await f.prisma.run.updateMany({ where: { submissionId: sFailed.id }, data: { status: 'FINISHED', outcome: 'ERROR', finishedAt: new Date() } });

    const leadCookie = await login(lead);
    const home = leadHome.parse(await api('/home/lead', leadCookie).then((r) => r.json()));
    expect(home.overdueReviews.map((o) => [o.submissionId, o.reviewerId]).sort()).toEqual([[sOverdue.id, r1.id], [sOverdue.id, r2.id]].sort());
    expect(home.feedbackToRelease).toMatchObject([{ submissionId: sReady.id, reviewsIn: 2, wanted: 2, feedbackDrafted: false }]);
    expect(home.waitingForReview.map((w) => w.submissionId).sort()).toEqual([sOverdue.id, sFailed.id].sort());
    expect(home.failedGradings).toMatchObject([{ submissionId: sFailed.id }]);
    expect(home.reviewerShortfall).toEqual([]);
    // Candidates by pseudonym only: the home page never names them.
    expect(JSON.stringify(home)).not.toContain(overdue.invitation.candidateName);

    // Another organization's lead sees nothing of this one, and cannot grade its submissions.
    const stranger = await login(await f.user((await f.organization()).id, 'HIRING_LEAD'));
    const theirs = leadHome.parse(await api('/home/lead', stranger).then((r) => r.json()));
    expect(Object.values(theirs).every((list) => list.length === 0)).toBe(true);
    expect((await api(`/runs/submissions/${sFailed.id}/grade-again`, stranger, { method: 'POST' })).status).toBe(404);
    expect((await api('/home/lead', await login(r1))).status).toBe(403);

    // Grade again: one new queued run, then 409 while it is queued; a healthy submission is refused too.
    const again = await api(`/runs/submissions/${sFailed.id}/grade-again`, leadCookie, { method: 'POST' });
    expect(again.status).toBe(200);
    const { runId } = z.object({ runId: z.uuid() }).parse(await again.json());
    expect(await f.prisma.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ kind: 'GRADING', status: 'QUEUED', submissionId: sFailed.id });
    expect((await api(`/runs/submissions/${sFailed.id}/grade-again`, leadCookie, { method: 'POST' })).status).toBe(409);
    expect((await api(`/runs/submissions/${sReady.id}/grade-again`, leadCookie, { method: 'POST' })).status).toBe(409);
    const later = leadHome.parse(await api('/home/lead', leadCookie).then((r) => r.json()));
    expect(later.failedGradings).toEqual([]);
  });
});
