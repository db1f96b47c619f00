import { createTwoFilesPatch } from 'diff';
import { afterEach, describe, expect, it } from 'vitest';
import { ChallengeFormatError, formatIssue } from './challenge-format.error';
import { loadChallenge } from './challenge-loader';
import { loadChallengeFromFiles } from './challenge-from-files';
import { contentHash, packageFiles } from './content-hash';
import { versionRecord } from './version-record';
import { applyMutant, loadMutants } from './mutants';
import { ChallengeFixture, validChallengeFiles } from './testing/challenge-fixture';

const fixtures: ChallengeFixture[] = [];
async function fixture(extra: Record<string, string> = {}) {
  const f = await ChallengeFixture.create({ ...validChallengeFiles(), ...extra });
  fixtures.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});

const solution = { 'package.json': '{}\n', 'server.js': "const status = 302;\nsend(res, status);\nmodule.exports = {};\n" };
const patchOf = (file: string, before: string, after: string) => createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after);
const meta = 'models: Answers 301 instead of 302.\ntargets: status codes\n';

describe('applyMutant', () => {
  it('overlays a folder of files on the solution', () => {
    const files = applyMutant(solution, { runtime: 'node20', name: 'm', overlay: { 'server.js': '// broken\n', 'extra.js': '1\n' } });
    expect(files).toEqual({ 'package.json': '{}\n', 'server.js': '// broken\n', 'extra.js': '1\n' });
    expect(solution['server.js']).toContain('302'); // the solution itself is untouched
  });

  it('applies a unified diff with a/ and b/ prefixes', () => {
    const patch = patchOf('server.js', solution['server.js'], solution['server.js'].replace('302', '301'));
    const files = applyMutant(solution, { runtime: 'node20', name: 'm', overlay: {}, patch });
    expect(files['server.js']).toBe("const status = 301;\nsend(res, status);\nmodule.exports = {};\n");
    expect(files['package.json']).toBe('{}\n');
  });

  it('names the mutant and file when the patch no longer applies', () => {
    const patch = patchOf('server.js', 'something else entirely\n', 'changed\n');
    expect(() => applyMutant(solution, { runtime: 'node20', name: 'stale', overlay: {}, patch })).toThrow(
      'mutants/node20/stale/mutant.patch: does not apply to server.js',
    );
  });

  it('refuses a patch for a file the solution does not have, and a patch without hunks', () => {
    const patch = patchOf('missing.js', 'a\n', 'b\n');
    expect(() => applyMutant(solution, { runtime: 'node20', name: 'm', overlay: {}, patch })).toThrow('missing.js is not in the solution');
    expect(() => applyMutant(solution, { runtime: 'node20', name: 'm', overlay: {}, patch: 'not a diff\n' })).toThrow('holds no hunks');
  });
});

describe('loadMutants', () => {
  it('reads patch and folder mutants per runtime, without their metadata in the overlay', async () => {
    const f = await fixture({
      'mutants/node20/redirect-301/mutant.yaml': meta,
      'mutants/node20/redirect-301/mutant.patch': patchOf('server.js', '// solution\n', '// 301\n'),
      'mutants/python3/empty/mutant.yaml': 'models: Does nothing.\ntargets: everything\n',
      'mutants/python3/empty/main.py': 'pass\n',
    });
    const mutants = await loadMutants(f.dir);
    expect(mutants.map((m) => [m.runtime, m.name, Object.keys(m.overlay), m.patch !== undefined])).toEqual([
      ['node20', 'redirect-301', [], true],
      ['python3', 'empty', ['main.py'], false],
    ]);
    expect(mutants[0]!.models).toBe('Answers 301 instead of 302.');
  });

  it('is empty for a challenge without mutants', async () => {
    expect(await loadMutants((await fixture()).dir)).toEqual([]);
  });

  it('requires mutant.yaml with models and targets, and a change', async () => {
    const f = await fixture({
      'mutants/node20/no-meta/server.js': '// x\n',
      'mutants/node20/no-targets/mutant.yaml': 'models: Something.\n',
      'mutants/node20/no-targets/server.js': '// x\n',
      'mutants/node20/no-change/mutant.yaml': meta,
    });
    const err = await loadMutants(f.dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChallengeFormatError);
    const issues = (err as ChallengeFormatError).issues.map(formatIssue).join('\n');
    expect(issues).toContain('mutants/node20/no-meta: missing mutant.yaml');
    expect(issues).toMatch(/mutants\/node20\/no-targets\/mutant\.yaml.*targets/);
    expect(issues).toContain('mutants/node20/no-change: holds no change');
  });
});

// Mutants are hidden material: a version's files (and so every candidate view built from them) and its content
// hash never hold them; they travel beside the files, for the worker's suite verification only.
describe('mutants stay out of stored packages', () => {
  it('is kept out of the files and the hash by the folder loader and the in-memory loader, and travels beside them', async () => {
    const files = { ...validChallengeFiles(), 'mutants/node20/m/mutant.yaml': meta, 'mutants/node20/m/server.js': '// x\n' };
    const f = await fixture(files);
    const [folderPkg, filesPkg] = [await loadChallenge(f.dir), loadChallengeFromFiles(files)];
    const withoutMutants = loadChallengeFromFiles(validChallengeFiles());
    for (const pkg of [folderPkg, filesPkg]) {
      expect(Object.keys(packageFiles(pkg)).filter((p) => p.startsWith('mutants/'))).toEqual([]);
      expect(contentHash(pkg)).toBe(contentHash(withoutMutants));
      const record = versionRecord(pkg);
      expect(record.mutants).toEqual({ node20: ['m'] });
      expect(JSON.stringify(record.files)).not.toContain('// x');
      expect(record.mutantSources).toEqual([{ runtime: 'node20', name: 'm', models: 'Answers 301 instead of 302.', targets: 'status codes', overlay: { 'server.js': '// x\n' } }]);
    }
  });

  it('refuses an uploaded mutant without its mutant.yaml, naming it', () => {
    const files = { ...validChallengeFiles(), 'mutants/node20/m/server.js': '// x\n' };
    expect(() => loadChallengeFromFiles(files)).toThrow(/mutants\/node20\/m: missing mutant.yaml/);
  });
});
