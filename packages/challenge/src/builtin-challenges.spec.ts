import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChallenge } from './challenge-loader';
import { contentHash } from './content-hash';
import { RUNTIMES } from './challenge-manifest.schema';
import { buildRunInputs } from './run-inputs';

const LIBRARY = path.resolve(__dirname, '../../../challenges');
const EXPECTED = ['event-pipeline', 'kv-store', 'order-and-inventory', 'rate-limiter', 'url-shortener'];
// A challenge with PostgreSQL and Redis sidecars can only offer runtimes whose offline library set has a client
// for both (docker/base-lang/packages.sh, docker/runtimes/node20/libraries): Go, Java, C++ and Ruby lack Redis.
const SIDECAR_RUNTIMES = ['node20', 'python3'];

/** The built-in library ships with the platform, so every folder in it must load cleanly in CI. */
describe('built-in challenge library', () => {
  it('contains the expected challenges', async () => {
    const dirs = (await readdir(LIBRARY, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.sort()).toEqual(EXPECTED);
  });

  describe.each(EXPECTED)('%s', (slug) => {
    it('loads without format issues and its slug matches its folder', async () => {
      const pkg = await loadChallenge(path.join(LIBRARY, slug));
      expect(pkg.manifest.slug).toBe(slug);
      expect(pkg.manifest.runtimes).toEqual(expect.arrayContaining(['node20', 'python3']));
      expect(contentHash(pkg)).toMatch(/^sha256:/);
    });

    it('runs every test file of each suite, and only files the suite contains', async () => {
      const pkg = await loadChallenge(path.join(LIBRARY, slug));
      for (const suite of ['visible', 'hidden'] as const) {
        const inputs = buildRunInputs(pkg, 'node20', suite, 'solution');
        const listed = inputs.testCommand.filter((a) => a.endsWith('.test.mjs')).sort();
        const present = Object.keys(inputs.testFiles).filter((f) => f.endsWith('.test.mjs')).sort();
        expect(listed, suite).toEqual(present);
        expect(inputs.reportPath).toBe('results/report.xml');
      }
    });

    it('offers every runtime the platform has a client library for', async () => {
      const pkg = await loadChallenge(path.join(LIBRARY, slug));
      const expected = pkg.manifest.services ? SIDECAR_RUNTIMES : RUNTIMES;
      expect([...pkg.manifest.runtimes].sort()).toEqual([...expected].sort());
    });

    it('gives candidates a starter with a README and keeps solutions out of it', async () => {
      const pkg = await loadChallenge(path.join(LIBRARY, slug));
      for (const runtime of pkg.manifest.runtimes) {
        expect(Object.keys(pkg.starter[runtime] ?? {})).toContain('README.md');
        expect(pkg.starter[runtime]).not.toEqual(pkg.solutions[runtime]);
      }
    });
  });

  it('gives order-and-inventory PostgreSQL with read-only test access and Redis', async () => {
    const pkg = await loadChallenge(path.join(LIBRARY, 'order-and-inventory'));
    expect(pkg.manifest.services?.postgres).toMatchObject({ testAccess: 'read-only' });
    expect(pkg.manifest.services?.redis).toBeDefined();
  });
});
