import { feedbackComposer, lineCommentView, reviewWorkspace } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CandidateClient } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { captureMail, ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('review line comments', () => {
  let t: TestApp;
  let factories: Factories;
  let reviews: ReviewFactories;
  let smtp: Awaited<ReturnType<typeof captureMail>>;

  beforeAll(async () => {
    smtp = await captureMail();
    t = await startTestApp('review-comments', { SMTP_URL: smtp.url, PUBLIC_URL: 'http://takehome.test' });
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
  const comments = (submissionId: string) => `/reviews/submissions/${submissionId}/comments`;

  it('creates, cites and shares comments; only shared ones of a submitted review reach the released feedback', async () => {
    const scene = await reviews.reviewScene({ reviewersPerSubmission: 2 });
    const [r1, r2] = scene.reviewers;
    await reviews.assign(scene.submission.id, r1.id, r2.id);
    const [c1, c2] = [await login(r1), await login(r2)];
    const ws = reviewWorkspace.parse(await api(`/reviews/submissions/${scene.submission.id}`, c1).then((r) => r.json()));
    const criterion = ws.rubric[0];

    const post = (cookie: string, json: unknown) => api(comments(scene.submission.id), cookie, { method: 'POST', json });
    const shared = await post(c1, { path: 'server.js', line: 3, body: 'Links live only in memory: a restart loses them.', criterionId: criterion.id, shareWithCandidate: true });
    expect(shared.status).toBe(201);
    const sharedView = lineCommentView.parse(await shared.json());
    expect(sharedView).toMatchObject({ path: 'server.js', line: 3, onDiff: false, criterionId: criterion.id, shareWithCandidate: true });
    const priv = lineCommentView.parse(await post(c1, { path: 'server.js', line: 5, onDiff: true, body: 'PRIVATE: looks rushed.' }).then((r) => r.json()));
    expect(priv.shareWithCandidate).toBe(false);
    // The other reviewer's shared comment stays out until that review is submitted.
    expect((await post(c2, { path: 'package.json', line: 1, body: 'UNSUBMITTED: fine.', shareWithCandidate: true })).status).toBe(201);

    // Bad input names the field.
    for (const [json, field] of [
      [{ path: 'nope.js', line: 1, body: 'x' }, 'path'],
      [{ path: 'server.js', line: 999, body: 'x' }, 'line'],
      [{ path: 'server.js', line: 0, body: 'x' }, 'line'],
      [{ path: 'server.js', line: 1, body: '   ' }, 'body'],
      [{ path: 'server.js', line: 1, body: 'x', criterionId: crypto.randomUUID() }, 'criterionId'],
    ] as const) {
      const res = await post(c1, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await res.json()).message).toContain(field);
    }

    // Each reviewer sees only their own comments; nobody else can edit them.
    const mine = z.array(lineCommentView).parse(await api(comments(scene.submission.id), c1).then((r) => r.json()));
    expect(mine.map((c) => c.body)).toEqual(['Links live only in memory: a restart loses them.', 'PRIVATE: looks rushed.']);
    expect((await api(`${comments(scene.submission.id)}/${priv.id}`, c2, { method: 'PATCH', json: { shareWithCandidate: true } })).status).toBe(404);
    expect((await api(`${comments(scene.submission.id)}/${priv.id}`, c2, { method: 'DELETE' })).status).toBe(404);

    // Choose: share the private one, then change their mind.
    const toggled = await api(`${comments(scene.submission.id)}/${priv.id}`, c1, { method: 'PATCH', json: { shareWithCandidate: true } });
    expect(lineCommentView.parse(await toggled.json()).shareWithCandidate).toBe(true);
    await api(`${comments(scene.submission.id)}/${priv.id}`, c1, { method: 'PATCH', json: { shareWithCandidate: false } });

    await api(`/reviews/submissions/${scene.submission.id}/submit`, c1, {
      method: 'POST',
      json: { recommendation: 'YES', summary: 'ok', scores: ws.rubric.map((c) => ({ criterionId: c.id, level: 3, comment: '' })) },
    });
    // Submitted reviews are final, their comments too.
    expect((await post(c1, { path: 'server.js', line: 1, body: 'late' })).status).toBe(409);
    expect((await api(`${comments(scene.submission.id)}/${priv.id}`, c1, { method: 'PATCH', json: { shareWithCandidate: true } })).status).toBe(409);
    await api(`/reviews/submissions/${scene.submission.id}/submit`, c2, {
      method: 'POST',
      json: { recommendation: 'NO', summary: 'meh', scores: ws.rubric.map((c) => ({ criterionId: c.id, level: 2, comment: '' })) },
    });

    const lead = await login(scene.lead);
    const composer = feedbackComposer.parse(await api(`/feedback/submissions/${scene.submission.id}`, lead).then((r) => r.json()));
    expect(composer.sharedLineComments).toEqual([
      { path: 'package.json', line: 1, onDiff: false, body: 'UNSUBMITTED: fine.', criterionTitle: null },
      { path: 'server.js', line: 3, onDiff: false, body: 'Links live only in memory: a restart loses them.', criterionTitle: criterion.title },
    ]);
    expect(JSON.stringify(composer)).not.toContain('PRIVATE');

    // Before release the candidate sees nothing; after, exactly the shared comments.
    const candidate = new CandidateClient(t.baseUrl);
    await api(`/feedback/submissions/${scene.submission.id}`, lead, { method: 'PUT', json: { body: 'Thanks for your work.', criteria: [] } });
    expect((await api(`/feedback/submissions/${scene.submission.id}/release`, lead, { method: 'POST' })).status).toBe(200);
    const raw = smtp.messages.find((m) => m.to.includes(scene.invitation.candidateEmail))!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /\/a\/([\w-]+)\?to=feedback/.exec(raw)![1];
    expect((await candidate.open(token)).status).toBe(204);
    const feedback = (await candidate.json('GET', '/feedback')).body as { lineComments: unknown[] };
    expect(feedback.lineComments).toEqual(composer.sharedLineComments);
    expect(JSON.stringify(feedback)).not.toContain('PRIVATE');
    expect(JSON.stringify(feedback)).not.toContain(r1.name);
  });

  it('is open only to assigned reviewers of the organization', async () => {
    const scene = await reviews.reviewScene();
    const [assigned, unassigned] = scene.reviewers;
    await reviews.assign(scene.submission.id, assigned.id);
    const other = await reviews.reviewScene();
    const stranger = other.reviewers[0];
    const body = { path: 'server.js', line: 1, body: 'note' };
    for (const u of [unassigned, stranger, scene.lead]) {
      const cookie = await login(u);
      expect((await api(comments(scene.submission.id), cookie)).status).toBe(404);
      expect((await api(comments(scene.submission.id), cookie, { method: 'POST', json: body })).status).toBe(404);
    }
    expect((await api(comments(scene.submission.id), '', { method: 'POST', json: body })).status).toBe(401);
    expect((await api(comments(scene.submission.id), await login(assigned), { method: 'POST', json: body })).status).toBe(201);
  });
});
