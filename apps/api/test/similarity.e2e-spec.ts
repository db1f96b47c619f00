import { savedChallengeVersion, similarityFlagList, submissionSimilarity } from '@takehome/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factories, signIn } from './support/factories';
import { ReviewFactories } from './support/review-factories';
import { startTestApp, type TestApp } from './support/test-app';

const CHALLENGES = path.resolve(__dirname, '../../../challenges');
const folder = (rel: string) => {
  const dir = path.join(CHALLENGES, rel);
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
};

describe('similarity', () => {
  let t: TestApp;
  let factories: Factories;
  let reviews: ReviewFactories;

  beforeAll(async () => {
    t = await startTestApp('similarity');
    factories = new Factories(t.config.DATABASE_URL);
    reviews = new ReviewFactories(factories);
  });
  afterAll(async () => {
    await factories?.close();
    await t?.close();
  });

  it('flags near-identical submissions, not different ones, and not shared starter code', async () => {
    const scene = await reviews.reviewScene();
    const original = folder('url-shortener/solutions/node20');
    // A copy with names changed and a comment added: the usual disguise.
    const disguised = Object.fromEntries(Object.entries(original).map(([p, c]) => [p, `${c.replace(/\blink\b/g, 'entry').replace(/\bstore\b/g, 'db')}\n// my own work\n`]));
    const different = folder('rate-limiter/solutions/node20');
    const starter = folder('url-shortener/starter/node20');
    const make = async (files: Record<string, string>) => {
      const { submission, invitation } = await reviews.submission(scene.org.id, scene.assessment);
      await factories.prisma.submission.update({ where: { id: submission.id }, data: { files } });
      return { id: submission.id, pseudonym: invitation.pseudonym, name: invitation.candidateName };
    };
    const a = await make(original);
    const b = await make(disguised);
    const c = await make(different);
    const s1 = await make({ ...starter, 'notes.md': 'ran out of time' });
    const s2 = await make({ ...starter, 'extra.js': 'module.exports = 1;\n' });

    const [r] = scene.reviewers;
    await reviews.assign(a.id, r.id);
    await reviews.assign(s1.id, r.id);
    const reviewer = await signIn(t.baseUrl, r.email, r.password);
    const get = (id: string, cookie: string) => fetch(`${t.baseUrl}/api/reviews/submissions/${id}/similarity`, { headers: { Cookie: cookie } });

    const res = await get(a.id, reviewer);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const flags = submissionSimilarity.parse(JSON.parse(raw));
    expect(flags.comparedWith).toBe(5); // every other submission to this version, the scene's own included
    expect(flags.pairs.map((p) => p.otherSubmissionId)).toEqual([b.id]);
    const [pair] = flags.pairs;
    expect(pair).toMatchObject({ submissionId: a.id, pseudonym: a.pseudonym, otherPseudonym: b.pseudonym });
    expect(pair.similarity).toBeGreaterThanOrEqual(flags.threshold);
    expect(pair.fragments.length).toBeGreaterThan(0);
    expect(pair.fragments[0].left.path).toMatch(/\.js$/);
    expect(pair.files.map((f) => f.path)).toContain(pair.fragments[0].left.path);
    expect(pair.otherFiles.find((f) => f.path === pair.fragments[0].right.path)?.content).toContain('entry');
    // Blind: pseudonyms only.
    for (const who of [a, b, c]) expect(raw).not.toContain(who.name);

    // Two submissions that are only the starter are not similar: the starter's code is removed first.
    const starterOnly = submissionSimilarity.parse(await get(s1.id, reviewer).then((x) => x.json()));
    expect(starterOnly.pairs).toEqual([]);

    // Leads see any submission's flags; reviewers only their assigned ones; other organizations nothing.
    const lead = await signIn(t.baseUrl, scene.lead.email, scene.lead.password);
    expect(submissionSimilarity.parse(await get(b.id, lead).then((x) => x.json())).pairs.map((p) => p.otherSubmissionId)).toEqual([a.id]);
    expect(submissionSimilarity.parse(await get(c.id, lead).then((x) => x.json())).pairs).toEqual([]);
    expect((await get(b.id, reviewer)).status).toBe(404);
    const stranger = (await reviews.reviewScene()).lead;
    expect((await get(a.id, await signIn(t.baseUrl, stranger.email, stranger.password))).status).toBe(404);
  });

  it("lists the organization's flagged pairs across assessments and versions of a challenge, names only where the identity rule allows", async () => {
    const scene = await reviews.reviewScene({ blindReview: true });
    const lead = await signIn(t.baseUrl, scene.lead.email, scene.lead.password);
    const call = (url: string, cookie = lead) => fetch(`${t.baseUrl}/api${url}`, { headers: { Cookie: cookie, 'Content-Type': 'application/json' } });
    // A second version of the same challenge (prompt edited), used by a second, non-blind assessment.
    const edited = await fetch(`${t.baseUrl}/api/challenges/${scene.version.challengeId}/versions`, {
      method: 'POST',
      headers: { Cookie: lead, 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseVersionId: scene.version.id, prompt: `${scene.version.promptMarkdown}\n\nEdited for the second team.\n` }),
    });
    const v2 = savedChallengeVersion.parse(await edited.json());
    expect(v2.versionId).not.toBe(scene.version.id);
    const open = await reviews.assessment(scene.org.id, v2.versionId, { blindReview: false });

    const original = folder('url-shortener/solutions/node20');
    const disguised = Object.fromEntries(Object.entries(original).map(([p, c]) => [p, `${c.replace(/\blink\b/g, 'entry')}\n// mine\n`]));
    const make = async (assessment: { id: string; challengeVersionId: string }, files: Record<string, string>) => {
      const { submission, invitation } = await reviews.submission(scene.org.id, assessment);
      await factories.prisma.submission.update({ where: { id: submission.id }, data: { files } });
      return { id: submission.id, pseudonym: invitation.pseudonym, name: invitation.candidateName, invitationId: invitation.id };
    };
    const a = await make(scene.assessment, original); // blind, and the lead is its assigned reviewer, review not in
    const b = await make(open, disguised); // not blind
    await make(scene.assessment, folder('rate-limiter/solutions/node20')); // different code: not flagged
    await reviews.assign(a.id, scene.lead.id);

    const res = await call('/similarity/flags');
    expect(res.status).toBe(200);
    const raw = await res.text();
    const list = similarityFlagList.parse(JSON.parse(raw));
    expect(list.threshold).toBe(0.6);
    expect(list.comparedChallenges).toBe(1);
    expect(list.flags).toHaveLength(1);
    const [flag] = list.flags;
    expect(flag.challengeId).toBe(scene.version.challengeId);
    expect(flag.similarity).toBeGreaterThanOrEqual(0.6);
    expect(flag.fragments).toBeGreaterThan(0);
    const sides = Object.fromEntries([flag.left, flag.right].map((s) => [s.submissionId, s]));
    expect(sides[a.id]).toMatchObject({ pseudonym: a.pseudonym, candidateName: null, assessmentId: scene.assessment.id });
    expect(sides[b.id]).toMatchObject({ pseudonym: b.pseudonym, candidateName: b.name, assessmentId: open.id });
    expect(raw).not.toContain(a.name);
    // The side-by-side view the list links to holds the same pair, across the two versions.
    const side = submissionSimilarity.parse(await call(`/reviews/submissions/${b.id}/similarity`).then((x) => x.json()));
    expect(side.pairs.map((p) => p.otherSubmissionId)).toEqual([a.id]);
    // The name shown is an identity view, audited as every other one is.
    const viewed = await factories.prisma.auditEvent.findMany({ where: { organizationId: scene.org.id, action: 'candidate.identity_viewed', subjectId: b.invitationId } });
    expect(viewed.map((e) => e.data)).toContainEqual({ via: 'similarity-flags' });

    // A threshold above the pair's similarity leaves it out.
    if (flag.similarity < 1) expect(similarityFlagList.parse(await call(`/similarity/flags?threshold=${Math.min(1, flag.similarity + 0.01)}`).then((x) => x.json())).flags).toEqual([]);
    for (const [query, field] of [['threshold=abc', 'threshold'], ['threshold=0.1', 'threshold'], ['threshold=2', 'threshold'], ['limit=5', '(body)']] as const) {
      const bad = await call(`/similarity/flags?${query}`);
      expect(bad.status, query).toBe(400);
      expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
    }
    // Reviewers do not get the organization-wide list; another organization's lead sees none of these pairs.
    const [r] = scene.reviewers;
    expect((await call('/similarity/flags', await signIn(t.baseUrl, r.email, r.password))).status).toBe(403);
    const stranger = (await reviews.reviewScene()).lead;
    const theirs = similarityFlagList.parse(await call('/similarity/flags', await signIn(t.baseUrl, stranger.email, stranger.password)).then((x) => x.json()));
    expect(theirs.flags).toEqual([]);
  });
});
