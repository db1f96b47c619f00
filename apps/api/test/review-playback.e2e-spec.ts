import { candidateOverview, submissionPlayback } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_EVERY } from '../src/attempts/drafts/draft-history';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories, signIn } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('code playback', () => {
  let t: TestApp;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('review-playback');
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('keeps every autosave compactly and replays it, with practice runs and time, to assigned reviewers only', async () => {
    const scene = await cf.scene();
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    expect((await client.open(token)).status).toBe(204);
    // The candidate is told before starting.
    expect(candidateOverview.parse((await client.json('GET', '/attempt')).body).codeHistoryShownToReviewers).toBe(true);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });

    // Enough saves of one file to cross a full-copy boundary, each appending a line.
    const texts: string[] = [];
    let revision: number | null = null;
    let text = '';
    for (let i = 1; i <= FULL_EVERY + 3; i++) {
      text += `line ${i}\n`;
      const saved = await client.json('PUT', '/files', { path: 'notes.md', content: text, baseRevision: revision });
      expect(saved.status).toBe(200);
      revision = saved.body.revision;
      texts.push(text);
    }
    await client.json('PUT', '/files', { path: 'scratch.js', content: 'let x = 1;\n', baseRevision: null });
    expect((await client.json('POST', '/files/delete', { path: 'scratch.js', baseRevision: 1 })).status).toBe(204);
    await f.prisma.run.create({
      data: { kind: 'PRACTICE', status: 'FINISHED', outcome: 'COMPLETED', attemptId: attempt.id, challengeVersionId: scene.challengeVersionId, runtime: 'node20', suite: 'visible', files: {}, score: 4, maxScore: 7 },
    });
    expect((await client.json('POST', '/submit')).status).toBe(200);

    const stored = await f.prisma.draftRevision.findMany({ where: { attemptId: attempt.id, path: 'notes.md' }, orderBy: { seq: 'asc' } });
    expect(stored.map((r) => r.kind)).toEqual(['FULL', ...Array(FULL_EVERY - 1).fill('PATCH'), 'FULL', 'PATCH', 'PATCH']);
    expect(stored.at(-1)!.content.length).toBeLessThan(texts.at(-1)!.length); // a patch, not a copy

    const submission = await f.prisma.submission.findUniqueOrThrow({ where: { attemptId: attempt.id } });
    const reviewer = await f.user(scene.org.id, 'REVIEWER');
    const unassigned = await f.user(scene.org.id, 'REVIEWER');
    await f.prisma.reviewAssignment.create({ data: { submissionId: submission.id, reviewerId: reviewer.id } });
    const url = `${t.baseUrl}/api/reviews/submissions/${submission.id}/playback`;

    const res = await fetch(url, { headers: { Cookie: await signIn(t.baseUrl, reviewer.email, reviewer.password) } });
    expect(res.status).toBe(200);
    const raw = await res.text();
    const playback = submissionPlayback.parse(JSON.parse(raw));
    const notes = playback.files.find((x) => x.path === 'notes.md')!;
    expect(notes.points.map((p) => p.content)).toEqual(texts);
    const scratch = playback.files.find((x) => x.path === 'scratch.js')!;
    expect(scratch.points.map((p) => p.content)).toEqual(['let x = 1;\n', null]);
    // The starter's files open the timeline.
    expect(playback.files.find((x) => x.path === 'server.js')?.points[0].content).toContain('http');
    expect(playback.practiceRuns).toEqual([expect.objectContaining({ score: 4, maxScore: 7, outcome: 'COMPLETED' })]);
    expect(playback.minutesTaken).toBeGreaterThanOrEqual(0);
    expect(playback.capped).toBe(false);
    expect(raw).not.toContain(invitation.candidateName); // blind: nothing names the candidate

    const other = await fetch(url, { headers: { Cookie: await signIn(t.baseUrl, unassigned.email, unassigned.password) } });
    expect(other.status).toBe(404);
    expect((await fetch(url)).status).toBe(401);
  });
});
