import { feedbackComposer, feedbackQueueItem, releasedFeedbackView, reviewWorkspace } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CandidateClient } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { type CapturedMail, captureMail, ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('feedback', () => {
  let t: TestApp;
  let factories: Factories;
  let reviews: ReviewFactories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('feedback', { SMTP_URL: smtp.url, PUBLIC_URL: 'http://takehome.test' });
    factories = new Factories(t.config.DATABASE_URL);
    reviews = new ReviewFactories(factories);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
    await smtp?.close();
  });

  const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${t.baseUrl}/api${path}`, {
      ...init,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...init.headers },
    });
  const login = (u: { email: string; password: string }) => signIn(t.baseUrl, u.email, u.password);

  it('lets the lead compose from reviewer comments, release once, and emails the candidate', async () => {
    const scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    const [r1] = scene.reviewers;
    await reviews.assign(scene.submission.id, r1.id);
    const reviewer = await login(r1);
    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, reviewer).then((r) => r.json()));
    await api(`/reviews/submissions/${scene.submission.id}/submit`, reviewer, {
      method: 'POST',
      json: { recommendation: 'YES', summary: 'Solid work overall.', scores: ws.rubric.map((c) => ({ criterionId: c.id, level: 3, comment: `Note on ${c.key}` })) },
    });
    const lead = await login(scene.lead);

    const queue = z.array(feedbackQueueItem).parse(await api('/feedback/queue', lead).then((r) => r.json()));
    expect(queue).toEqual([expect.objectContaining({ submissionId: scene.submission.id, submittedReviews: 1, feedbackStatus: 'NONE' })]);
    expect(queue[0].waitingSeconds).toBeGreaterThan(3 * 3600 - 5);

    // Reviewer comments are offered beside an empty draft; nothing is copied until the lead does it.
    const composer = feedbackComposer.parse(await api(`/feedback/submissions/${scene.submission.id}`, lead).then((r) => r.json()));
    expect(composer.draft).toBeNull();
    expect(composer.reviewerComments[0].comments).toEqual([`Note on ${ws.rubric[0].key}`]);
    expect(composer.reviewerSummaries).toEqual(['Solid work overall.']);

    expect((await api(`/feedback/submissions/${scene.submission.id}/release`, lead, { method: 'POST' })).status).toBe(400);
    const body = 'Thank you for your time. Your API handled the main flows well; persistence across restarts needs work.';
    const saved = await api(`/feedback/submissions/${scene.submission.id}`, lead, {
      method: 'PUT',
      json: { body, criteria: [{ criterionKey: ws.rubric[0].key, title: ws.rubric[0].title, comment: 'Edited by the lead.' }] },
    });
    expect(saved.status).toBe(200);
    expect(smtp.messages).toHaveLength(0);

    const released = releasedFeedbackView.parse(await api(`/feedback/submissions/${scene.submission.id}/release`, lead, { method: 'POST' }).then((r) => r.json()));
    expect(released.emailedAt).not.toBeNull();
    const mail = smtp.messages.find((m: CapturedMail) => m.to.includes(scene.invitation.candidateEmail));
    expect(mail).toBeDefined();
    expect(mail!.raw).toContain(`Subject: Your feedback for ${scene.assessment.name} is ready`);
    // The invitation link was spent at submission; the email's own link opens the feedback on any device.
    const text = mail!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /http:\/\/takehome\.test\/a\/([\w-]+)\?to=feedback/.exec(text)?.[1];
    expect(token).toBeDefined();
    const elsewhere = new CandidateClient(t.baseUrl);
    expect((await elsewhere.open(token!)).status).toBe(204);
    expect((await elsewhere.json('GET', '/feedback')).body).toMatchObject({ released: true, body });
    expect((await elsewhere.json('PUT', '/files', { path: 'x.js', content: 'late', baseRevision: null })).status).toBe(409);
    // The email announces the feedback; the feedback itself stays behind the candidate's page.
    expect(mail!.raw).not.toContain('persistence across restarts');

    expect((await api(`/feedback/submissions/${scene.submission.id}/release`, lead, { method: 'POST' })).status).toBe(409);
    expect((await api(`/feedback/submissions/${scene.submission.id}`, lead, { method: 'PUT', json: { body: 'changed', criteria: [] } })).status).toBe(409);
    expect(smtp.messages.filter((m) => m.to.includes(scene.invitation.candidateEmail))).toHaveLength(1);

    const row = await factories.prisma.feedback.findUniqueOrThrow({ where: { submissionId: scene.submission.id } });
    expect(row).toMatchObject({ body, authorId: scene.lead.id });
    expect(row.releasedAt).not.toBeNull();
    expect(z.array(feedbackQueueItem).parse(await api('/feedback/queue', lead).then((r) => r.json()))).toEqual([]);
    const audit = await factories.prisma.auditEvent.findFirst({ where: { organizationId: scene.org.id, action: 'feedback.released' } });
    expect(audit).toMatchObject({ actorId: scene.lead.id, subjectType: 'Submission', subjectId: scene.submission.id });
  });

  it('never changes released feedback: saves racing the release either land before it or get 409', async () => {
    // Observes the database itself: any write that changes a released row's text is logged by a trigger.
    await factories.prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS released_rewrites (id serial, body text)`);
    await factories.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION log_released_rewrite() RETURNS trigger AS $$
      BEGIN IF OLD."releasedAt" IS NOT NULL AND NEW.body IS DISTINCT FROM OLD.body THEN INSERT INTO released_rewrites (body) VALUES (NEW.body); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await factories.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS released_rewrite ON "Feedback"`);
    await factories.prisma.$executeRawUnsafe(`CREATE TRIGGER released_rewrite BEFORE UPDATE ON "Feedback" FOR EACH ROW EXECUTE FUNCTION log_released_rewrite()`);
    const scene = await reviews.reviewScene({ reviewersPerSubmission: 1 });
    const lead = await login(scene.lead);
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const { submission } = await reviews.submission(scene.org.id, scene.assessment);
      const path = `/feedback/submissions/${submission.id}`;
      expect((await api(path, lead, { method: 'PUT', json: { body: 'first draft', criteria: [] } })).status).toBe(200);
      const saves = Array.from({ length: 5 }, (_, i) => api(path, lead, { method: 'PUT', json: { body: `edit ${round}.${i}`, criteria: [] } }));
      const release = api(`${path}/release`, lead, { method: 'POST' });
      statuses.push(...(await Promise.all([release, ...saves])).map((r) => r.status));
      const releasedText = (await factories.prisma.feedback.findUniqueOrThrow({ where: { submissionId: submission.id } })).body;
      expect((await api(path, lead, { method: 'PUT', json: { body: 'after', criteria: [] } })).status).toBe(409);
      expect((await factories.prisma.feedback.findUniqueOrThrow({ where: { submissionId: submission.id } })).body).toBe(releasedText);
    }
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    expect(await factories.prisma.$queryRawUnsafe(`SELECT body FROM released_rewrites`)).toEqual([]);
  });
});
