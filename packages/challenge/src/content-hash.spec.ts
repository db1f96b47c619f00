import { utimes } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadChallenge } from './challenge-loader';
import { contentHash, packageFiles } from './content-hash';
import { ChallengeFixture, validChallengeFiles } from './testing/challenge-fixture';

const fixtures: ChallengeFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});
async function load(files: Record<string, string>) {
  const f = await ChallengeFixture.create(files);
  fixtures.push(f);
  return { f, pkg: await loadChallenge(f.dir) };
}

describe(contentHash.name, () => {
  it('is the same for the same content written in a different order, place and time', async () => {
    const files = validChallengeFiles();
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const a = await load(files);
    const b = await load(reversed);
    await utimes(path.join(b.f.dir, 'prompt.md'), new Date(0), new Date(0));
    const bAgain = await loadChallenge(b.f.dir);
    expect(contentHash(a.pkg)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHash(b.pkg)).toBe(contentHash(a.pkg));
    expect(contentHash(bAgain)).toBe(contentHash(a.pkg));
  });

  it('changes when any file changes, including hidden tests and solutions', async () => {
    const base = contentHash((await load(validChallengeFiles())).pkg);
    for (const p of ['tests/hidden/hidden.test.mjs', 'solutions/python3/main.py', 'prompt.md']) {
      const files = validChallengeFiles();
      files[p] += ' ';
      expect(contentHash((await load(files)).pkg), p).not.toBe(base);
    }
  });

  it('changes when content moves between paths', async () => {
    const files = validChallengeFiles();
    const moved: Record<string, string> = { ...files, 'starter/node20/server2.js': files['starter/node20/server.js']! };
    delete moved['starter/node20/server.js'];
    expect(contentHash((await load(moved)).pkg)).not.toBe(contentHash((await load(files)).pkg));
  });
});

describe(packageFiles.name, () => {
  it('returns every file under its path in the challenge folder', async () => {
    const files = validChallengeFiles();
    const { pkg } = await load(files);
    expect(packageFiles(pkg)).toEqual(files);
  });
});
