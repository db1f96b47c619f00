import { afterEach, describe, expect, it } from 'vitest';
import { loadChallenge } from './challenge-loader';
import { buildRunInputs } from './run-inputs';
import { ChallengeFixture } from './testing/challenge-fixture';

const fixtures: ChallengeFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
});
async function pkg() {
  const f = await ChallengeFixture.create();
  fixtures.push(f);
  return loadChallenge(f.dir);
}

describe(buildRunInputs.name, () => {
  it('assembles a hidden-suite run of the reference solution', async () => {
    const inputs = buildRunInputs(await pkg(), 'python3', 'hidden', 'solution');
    expect(inputs).toEqual({
      slug: 'tiny',
      mode: 'black-box',
      runtime: 'python3',
      suite: 'hidden',
      submissionFiles: { 'main.py': '# solution\n' },
      startCommand: ['python3', 'main.py'],
      testFiles: { 'hidden.test.mjs': "test('answers health', () => {});\n" },
      testCommand: ['node', '--test', 'hidden.test.mjs'],
      reportFormat: 'junit',
      reportPath: 'results/report.xml',
      service: { port: 8080, readinessPath: '/health' },
      timeoutMs: 120_000,
      tests: { 'answers health': { weight: 2, visibility: 'after_published' } },
      defaultVisibility: 'hidden',
      skipped: 'exclude',
      limits: undefined,
    });
  });

  it('uses a candidate submission as given and copies so the package cannot be mutated', async () => {
    const p = await pkg();
    const inputs = buildRunInputs(p, 'node20', 'visible', { files: { 'server.js': 'mine' } });
    expect(inputs.submissionFiles).toEqual({ 'server.js': 'mine' });
    expect(inputs.startCommand).toEqual(['npm', 'start']);
    inputs.testFiles['visible.test.mjs'] = 'tampered';
    expect(p.tests.visible['visible.test.mjs']).not.toBe('tampered');
  });

  it('refuses a runtime the challenge does not list', async () => {
    const p = await pkg();
    p.manifest.runtimes = ['node20'];
    expect(() => buildRunInputs(p, 'python3', 'visible', 'starter')).toThrow(/does not support runtime python3/);
  });
});
