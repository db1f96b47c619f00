import { submissionSimilarity } from '@takehome/contracts';
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
});
