import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

/** Every review and feedback route, with a body that would be valid for the owner. */
function routes(submissionId: string, criterionId: string) {
  const review = { recommendation: 'YES', summary: 'x', scores: [{ criterionId, level: 3, comment: 'x' }] };
  return {
    reviewer: [
      ['GET', `/reviews/submissions/${submissionId}`],
      ['PUT', `/reviews/submissions/${submissionId}/draft`, review],
      ['POST', `/reviews/submissions/${submissionId}/submit`, review],
    ],
    lead: [
      ['POST', `/reviews/submissions/${submissionId}/assignments`, {}],
      ['GET', `/reviews/submissions/${submissionId}/aggregate`],
      ['GET', `/feedback/submissions/${submissionId}`],
      ['PUT', `/feedback/submissions/${submissionId}`, { body: 'x', criteria: [] }],
      ['POST', `/feedback/submissions/${submissionId}/release`],
    ],
    leadLists: [['GET', '/reviews/pipeline'], ['GET', '/reviews/reviewers'], ['GET', '/reviews/agreement'], ['GET', '/feedback/queue'], ['GET', '/audit']],
  } as Record<string, [string, string, unknown?][]>;
}

describe('review and feedback authorization', () => {
  let t: TestApp;
  let factories: Factories;
  let reviews: ReviewFactories;

  beforeAll(async () => {
    t = await startTestApp('review_authz');
    factories = new Factories(t.config.DATABASE_URL);
    reviews = new ReviewFactories(factories);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  const call = (cookie: string | null, [method, path, json]: [string, string, unknown?]) =>
    fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: json !== undefined ? JSON.stringify(json) : undefined,
    }).then((r) => r.status);

  /** The rows any of these routes could create or change, to prove a refused call changed nothing. */
  const snapshot = async (organizationId: string, submissionId: string) => ({
    assignments: await factories.prisma.reviewAssignment.findMany({ where: { submissionId }, orderBy: { id: 'asc' } }),
    reviews: await factories.prisma.review.findMany({ where: { submissionId }, include: { scores: true } }),
    feedback: await factories.prisma.feedback.findMany({ where: { submissionId } }),
    // Signing in is recorded too; the refused calls must add nothing else.
    audit: await factories.prisma.auditEvent.findMany({ where: { organizationId, NOT: { action: { startsWith: 'auth.' } } } }),
  });

  it('answers 401 without a session, 403 for the wrong role, 404 across organizations, and changes nothing', async () => {
    const scene = await reviews.reviewScene();
    await reviews.assign(scene.submission.id, scene.reviewers[0].id);
    // A draft feedback exists, so a release attempt would have something to release.
    await factories.prisma.feedback.create({ data: { submissionId: scene.submission.id, authorId: scene.lead.id, body: 'draft', criteria: [] } });
    const all = routes(scene.submission.id, scene.version.rubric!.criteria[0].id);
    const before = await snapshot(scene.org.id, scene.submission.id);

    const other = await factories.organization();
    const otherReviewer = await factories.user(other.id, 'REVIEWER');
    const otherLead = await factories.user(other.id, 'HIRING_LEAD');
    const [foreignReviewer, foreignLead] = [await signIn(t.baseUrl, otherReviewer.email, otherReviewer.password), await signIn(t.baseUrl, otherLead.email, otherLead.password)];
    const reviewer = await signIn(t.baseUrl, scene.reviewers[0].email, scene.reviewers[0].password);
    const unassigned = await signIn(t.baseUrl, scene.reviewers[1].email, scene.reviewers[1].password);

    for (const route of [...all.reviewer, ...all.lead, ...all.leadLists]) {
      expect(await call(null, route), `${route[0]} ${route[1]} unauthenticated`).toBe(401);
    }
    for (const route of [...all.lead, ...all.leadLists]) {
      expect(await call(reviewer, route), `${route[0]} ${route[1]} as reviewer`).toBe(403);
    }
    for (const route of all.reviewer) {
      expect(await call(foreignReviewer, route), `${route[0]} ${route[1]} other org`).toBe(404);
      expect(await call(unassigned, route), `${route[0]} ${route[1]} not assigned`).toBe(404);
    }
    for (const route of all.lead) {
      expect(await call(foreignLead, route), `${route[0]} ${route[1]} other org lead`).toBe(404);
    }
    // The other organization's lists do not include this submission.
    const pipeline = await fetch(`${t.baseUrl}/api/reviews/pipeline`, { headers: { Cookie: foreignLead } }).then((r) => r.json());
    expect(pipeline).toEqual([]);
    const queue = await fetch(`${t.baseUrl}/api/reviews/queue`, { headers: { Cookie: foreignReviewer } }).then((r) => r.json());
    expect(queue).toEqual([]);

    expect(await snapshot(scene.org.id, scene.submission.id)).toEqual(before);
  });
});
