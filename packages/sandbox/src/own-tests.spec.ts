import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ownTestsRunRequest, runOwnTests, type OwnTestsRequest } from './own-tests';
import { leftovers, loadDir, requireDocker, runId, runner } from './test-support/harness';

/**
 * Each runtime's own-test command as packages/challenge's RUNTIME_CATALOGUE[runtime].ownTests gives it (the
 * sandbox cannot import the catalogue: packages/challenge depends on the sandbox). Fixtures in
 * test/fixtures/own-tests/<runtime>: two passing tests (one through the image's offered HTTP library where the
 * runtime has one) and one deliberately failing.
 */
const REPORT = '.own-tests/junit.xml';
const SCRIPT = ['/opt/takehome/own-tests', REPORT];
const OWN_TESTS = {
  node20: ['node', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${REPORT}`],
  python3: ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${REPORT}`],
  go: SCRIPT,
  java17: SCRIPT,
  cpp: SCRIPT,
  ruby: SCRIPT,
} as const;
type Runtime = keyof typeof OWN_TESTS;

const limits = { timeoutMs: 90_000, memoryMb: 512, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 64 * 1024 };

function request(rt: Runtime, files: Record<string, string> = loadDir(`own-tests/${rt}`)): OwnTestsRequest {
  return {
    runId: runId(`own-${rt}`),
    runtime: { image: `takehome/${rt}`, libraries: { offered: '1.0' } },
    ownTests: { command: OWN_TESTS[rt], reportPath: REPORT, format: 'junit' },
    files,
    limits,
  };
}

/** Test names as each reporter spells them, for the fixtures' three tests. */
const PASSING = /adds.?two.?numbers/i;
const FAILING = /a.?deliberately.?wrong.?expectation/i;

describe('runOwnTests', () => {
  beforeAll(requireDocker);
  afterEach(async () => expect(await leftovers()).toBe(0));

  it('builds an in-container request in the submission image with only the candidate files, all visible', () => {
    const req = ownTestsRunRequest(request('go', { 'main.go': 'package main' }));
    expect(req).toMatchObject({
      mode: 'in-container', testFiles: {}, testCommand: SCRIPT, reportPath: REPORT, defaultVisibility: 'visible',
      runtime: { image: 'takehome/go', runnerImage: 'takehome/go', libraries: { offered: '1.0' } },
    });
    expect(req.runtime).not.toHaveProperty('buildCommand');
  });

  describe.each(Object.keys(OWN_TESTS) as Runtime[])('%s', (rt) => {
    it("runs the candidate's own tests in the image and reports each one", async () => {
      const result = await runOwnTests(runner, request(rt));
      expect(result.status, result.output).toBe('completed');
      const byStatus = (s: string) => result.tests.filter((t) => t.status === s).map((t) => t.name);
      expect(byStatus('passed').some((n) => PASSING.test(n)), result.output).toBe(true);
      expect(byStatus('failed').filter((n) => FAILING.test(n)), result.output).toHaveLength(1);
      expect(result.tests.every((t) => t.visibility === 'visible')).toBe(true);
      // Fixtures with an HTTP test use the offered framework; all of them must pass with the one wrong one failing.
      expect(result.tests.length - byStatus('passed').length).toBe(1);
      const failed = result.tests.find((t) => FAILING.test(t.name))!;
      expect(failed.output).toMatch(/5/);
    });
  });

  it('reports a Go test package that does not compile as one failed test holding the compiler message', async () => {
    const files = { ...loadDir('own-tests/go'), 'mathx/broken_test.go': 'package mathx\n\nimport "testing"\n\nfunc TestBroken(t *testing.T) { undefinedHelper() }\n' };
    const result = await runOwnTests(runner, request('go', files));
    expect(result.status, result.output).toBe('completed');
    expect(result.tests).toHaveLength(1);
    expect(result.tests[0]).toMatchObject({ name: expect.stringContaining('example.com/calc/mathx (build)'), status: 'failed' });
    expect(result.tests[0].output).toContain('undefined: undefinedHelper');
  });

  it("names a package outside the image's set in the own-test output", async () => {
    const files = { ...loadDir('own-tests/python3'), 'test_extra.py': 'import requests\n\ndef test_fetch():\n    assert requests\n' };
    const result = await runOwnTests(runner, request('python3', files));
    expect(result.output).toContain("[sandbox] package 'requests' is not available in this runtime");
    expect(result.output).toContain('available: offered 1.0 and the standard library');
  });
});
