import { symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChallengeFormatError, formatIssue } from './challenge-format.error';
import { loadChallenge } from './challenge-loader';
import { ChallengeFixture, validChallengeFiles } from './testing/challenge-fixture';

const fixtures: ChallengeFixture[] = [];
async function fixture(files?: Record<string, string>) {
  const f = await ChallengeFixture.create(files);
  fixtures.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});

/** Loads a folder that must be rejected and returns its issues formatted as authors see them. */
async function issuesOf(dir: string, options?: Parameters<typeof loadChallenge>[1]): Promise<string[]> {
  const err = await loadChallenge(dir, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChallengeFormatError);
  return (err as ChallengeFormatError).issues.map(formatIssue);
}

function withManifest(edit: (yaml: string) => string) {
  const files = validChallengeFiles();
  files['challenge.yaml'] = edit(files['challenge.yaml']!);
  return files;
}

describe(loadChallenge.name, () => {
  describe('valid package', () => {
    it('reads every part into memory with paths relative to its part', async () => {
      const f = await fixture();
      const pkg = await loadChallenge(f.dir);
      expect(pkg.manifest.slug).toBe('tiny');
      expect(pkg.manifest.suites.hidden.tests?.['answers health']).toEqual({ weight: 2, visibility: 'after_published' });
      expect(pkg.rubric.criteria).toHaveLength(4);
      expect(pkg.prompt).toContain('Build a tiny service');
      expect(Object.keys(pkg.starter.node20!).sort()).toEqual(['package.json', 'server.js']);
      expect(pkg.solutions.python3).toEqual({ 'main.py': '# solution\n' });
      expect(Object.keys(pkg.tests.hidden)).toEqual(['hidden.test.mjs']);
    });

    it('skips local run artefacts such as node_modules and .data', async () => {
      const f = await fixture();
      await f.write('solutions/node20/node_modules/x/index.js', 'x');
      await f.write('solutions/python3/.data/db.sqlite', '\0binary');
      const pkg = await loadChallenge(f.dir);
      expect(Object.keys(pkg.solutions.node20!)).not.toContain('node_modules/x/index.js');
      expect(Object.keys(pkg.solutions.python3!)).toEqual(['main.py']);
    });
  });

  describe('broken challenge.yaml', () => {
    it('names file, field path and allowed values for a bad enum', async () => {
      const f = await fixture(withManifest((y) => y.replace('format: junit, path: results/report.xml }\n    timeoutSeconds: 120', 'format: xunit, path: results/report.xml }\n    timeoutSeconds: 120')));
      expect(await issuesOf(f.dir)).toEqual([
        'challenge.yaml: suites.hidden.report.format: expected one of junit, ctrf, gradescope (line 19)',
      ]);
    });

    it('reports YAML syntax errors with a line number', async () => {
      const f = await fixture(withManifest((y) => y.replace('skills: [http]', 'skills: [http')));
      const issues = await issuesOf(f.dir);
      expect(issues[0]).toMatch(/^challenge\.yaml: invalid YAML: .+\(line \d+\)$/);
    });

    it('reports missing required fields, wrong types and unknown fields together', async () => {
      const f = await fixture(
        withManifest((y) => y.replace('title: Tiny\n', '').replace('timeLimitMinutes: 120', 'timeLimitMinutes: soon\ntimelimit: 3')),
      );
      expect(await issuesOf(f.dir)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^challenge\.yaml: title: required/),
          expect.stringMatching(/^challenge\.yaml: timeLimitMinutes: expected number, got string \(line 5\)$/),
          expect.stringMatching(/^challenge\.yaml: unknown field timelimit/),
        ]),
      );
    });

    it('refuses a weight for a test name that no test file contains', async () => {
      const f = await fixture(withManifest((y) => y.replace('"answers health":', '"answers helth":')));
      expect(await issuesOf(f.dir)).toEqual([
        'challenge.yaml: suites.hidden.tests["answers helth"]: no test with this exact name in tests/hidden',
      ]);
    });

    it('accepts a weight keyed by the qualified name a report gives (classname > name), and a Python method name', async () => {
      const files = withManifest((y) =>
        y.replace('"answers health":', '"hidden.test.mjs > answers health":').replace('    tests:\n', '    skipped: fail\n    tests:\n      "tests.test_api.TestApi > test_health": { weight: 1 }\n'),
      );
      files['tests/hidden/test_api.py'] = 'class TestApi:\n    def test_health(self):\n        pass\n';
      const f = await fixture(files);
      const pkg = await loadChallenge(f.dir);
      expect(Object.keys(pkg.manifest.suites.hidden.tests ?? {})).toEqual(['tests.test_api.TestApi > test_health', 'hidden.test.mjs > answers health']);
      expect(pkg.manifest.suites.hidden.skipped).toBe('fail');
    });

    it('refuses an unknown skipped policy', async () => {
      const f = await fixture(withManifest((y) => y.replace('    tests:\n', '    skipped: ignore\n    tests:\n')));
      expect(await issuesOf(f.dir)).toEqual([expect.stringMatching(/^challenge\.yaml: suites\.hidden\.skipped: /)]);
    });
  });

  describe('broken rubric.yaml', () => {
    it('locates a level with a missing score and a too-short descriptor', async () => {
      const files = validChallengeFiles();
      files['rubric.yaml'] = files['rubric.yaml']!.replace('{ score: 3, label: L3, descriptor: "Evidence for level 3: tests cover the behaviour." }', '{ label: L3, descriptor: good }');
      const f = await fixture(files);
      const issues = await issuesOf(f.dir);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^rubric\.yaml: criteria\[0\]\.levels\[2\]\.score: required/),
          expect.stringMatching(/^rubric\.yaml: criteria\[0\]\.levels\[2\]\.descriptor: must describe observable evidence/),
        ]),
      );
    });

    it('requires four to six criteria', async () => {
      const f = await fixture({ ...validChallengeFiles(), 'rubric.yaml': 'criteria: []\n' });
      expect(await issuesOf(f.dir)).toEqual(['rubric.yaml: criteria: must have at least 4 item(s) (line 1)']);
    });
  });

  describe('missing parts', () => {
    it('reports missing prompt.md', async () => {
      const f = await fixture();
      await f.remove('prompt.md');
      expect(await issuesOf(f.dir)).toEqual(['prompt.md: missing']);
    });

    it('reports a listed runtime without starter or solution', async () => {
      const f = await fixture();
      await f.remove('starter/python3');
      await f.remove('solutions/node20');
      expect(await issuesOf(f.dir)).toEqual([
        'starter/python3: missing: runtime python3 is listed in challenge.yaml runtimes',
        'solutions/node20: missing: runtime node20 is listed in challenge.yaml runtimes',
      ]);
    });

    it('reports a node starter that cannot be started with npm start or needs dependencies', async () => {
      const f = await fixture();
      await f.write('starter/node20/package.json', '{ "dependencies": { "express": "^5" } }');
      expect(await issuesOf(f.dir)).toEqual([
        'starter/node20/package.json: scripts.start: required: submissions start with `npm start`',
        'starter/node20/package.json: dependencies: must be empty: submissions run without package installation',
      ]);
    });

    it('reports a missing hidden suite', async () => {
      const f = await fixture();
      await f.remove('tests/hidden');
      expect(await issuesOf(f.dir)).toEqual(['tests/hidden: missing']);
    });
  });

  describe('unsafe or unreadable files', () => {
    it('refuses a symlink that escapes the folder without reading it', async () => {
      const f = await fixture();
      await symlink('/etc/passwd', path.join(f.dir, 'starter/node20/passwd'));
      expect(await issuesOf(f.dir)).toEqual([
        'starter/node20/passwd: symlinks are not allowed (points to /etc/passwd, outside the challenge folder)',
      ]);
    });

    it('refuses a symlink even when it stays inside the folder', async () => {
      const f = await fixture();
      await symlink('../../prompt.md', path.join(f.dir, 'tests/visible/prompt.md'));
      expect(await issuesOf(f.dir)).toEqual(['tests/visible/prompt.md: symlinks are not allowed (points to ../../prompt.md)']);
    });

    it('refuses a symlinked part folder and a symlinked top-level file', async () => {
      const f = await fixture();
      await f.remove('tests/hidden');
      await symlink('/tmp', path.join(f.dir, 'tests/hidden'));
      await f.remove('prompt.md');
      await symlink('/etc/hostname', path.join(f.dir, 'prompt.md'));
      expect(await issuesOf(f.dir)).toEqual(['prompt.md: symlinks are not allowed', 'tests/hidden: symlinks are not allowed']);
    });

    it('refuses binary and oversized files and too many files', async () => {
      const f = await fixture();
      await f.write('starter/node20/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      await f.write('starter/node20/latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      await f.write('starter/python3/big.py', 'x'.repeat(5000));
      const issues = await issuesOf(f.dir, { limits: { maxFileBytes: 4096 } });
      expect(issues).toEqual([
        'starter/node20/latin1.txt: binary files are not allowed (not valid UTF-8)',
        'starter/node20/logo.png: binary files are not allowed (contains NUL bytes)',
        'starter/python3/big.py: file is 5000 bytes; the limit is 4096',
      ]);
      expect(await issuesOf(f.dir, { limits: { maxFiles: 5 } })).toContainEqual(
        expect.stringMatching(/too many files: the limit is 5 per challenge$/),
      );
    });

    it('rejects a folder that does not exist', async () => {
      expect(await issuesOf('/nonexistent/challenge')).toEqual(['.: folder does not exist']);
    });
  });
});
