import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDockerClient, createSandboxConfig, DockerSandboxRunner, RUN_ID_LABEL, SANDBOX_LABEL } from '@takehome/sandbox';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadChallenge } from './challenge-loader';
import type { ChallengePackage } from './challenge-package';
import { RUNTIMES, type Runtime } from './challenge-manifest.schema';
import { buildOwnTestInputs } from './own-test-inputs';
import { toSandboxRequest } from './sandbox-request';

/**
 * The candidate's own tests, built exactly as production builds them (buildOwnTestInputs, then
 * toSandboxRequest) and run in real containers for every runtime. Fixtures in test/fixtures/own-tests/<runtime>:
 * two passing tests (one through the image's offered HTTP library where the runtime has one) and one
 * deliberately failing.
 */
const FIXTURES = path.join(__dirname, '../test/fixtures/own-tests');
const CHALLENGE = path.resolve(__dirname, '../../../challenges/url-shortener'); // offers all six runtimes
const config = createSandboxConfig(process.env);
const docker = createDockerClient(config);
const runner = new DockerSandboxRunner(config, docker);
const runIds: string[] = [];
let runs = 0;
let pkg: ChallengePackage;

function fixture(runtime: Runtime): Record<string, string> {
  const root = path.join(FIXTURES, runtime);
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function run(runtime: Runtime, files = fixture(runtime)) {
  const runId = `own-${process.pid}-${Date.now().toString(36)}-${++runs}-${runtime}`;
  runIds.push(runId);
  return runner.run(toSandboxRequest(buildOwnTestInputs(pkg, runtime, files), runId));
}

/** Test names as each reporter spells them, for the fixtures' three tests. */
// Compiled runtimes build before their tests run; under a loaded CI machine that takes tens of seconds.
const RUN_TIMEOUT = { timeout: 180_000 };

const PASSING = /adds.?two.?numbers/i;
const FAILING = /a.?deliberately.?wrong.?expectation/i;

describe("a candidate's own tests, as production builds the run", () => {
  beforeAll(async () => {
    await docker.ping().catch((err: Error) => {
      throw new Error(`Docker engine not reachable (${err.message}): run scripts/services.sh up`);
    });
    pkg = await loadChallenge(CHALLENGE);
  });

  afterEach(async () => {
    for (const id of runIds.splice(0)) {
      const byRun = { label: [`${SANDBOX_LABEL}=1`, `${RUN_ID_LABEL}=${id}`] };
      const [c, v, n] = await Promise.all([docker.listContainers({ all: true, filters: byRun }), docker.listVolumes({ filters: byRun }), docker.listNetworks({ filters: byRun })]);
      expect(c.length + (v.Volumes?.length ?? 0) + n.length, `containers, volumes or networks left by ${id}`).toBe(0);
    }
  });

  it('goes into the submission image with only the candidate files, without network, all visible', () => {
    const req = toSandboxRequest(buildOwnTestInputs(pkg, 'go', { 'main.go': 'package main' }), 'own-shape');
    expect(req).toMatchObject({
      mode: 'in-container', testFiles: {}, submissionFiles: { 'main.go': 'package main' }, defaultVisibility: 'visible',
      runtime: { image: 'takehome/go', runnerImage: 'takehome/go' },
    });
    expect(req.runtime).not.toHaveProperty('buildCommand');
  });

  describe.each(RUNTIMES)('%s', (runtime) => {
    it("runs the candidate's own tests in the image and reports each one", RUN_TIMEOUT, async () => {
      const result = await run(runtime);
      expect(result.status, result.output).toBe('completed');
      const byStatus = (s: string) => result.tests.filter((t) => t.status === s).map((t) => t.name);
      expect(byStatus('passed').some((n) => PASSING.test(n)), result.output).toBe(true);
      expect(byStatus('failed').filter((n) => FAILING.test(n)), result.output).toHaveLength(1);
      expect(result.tests.every((t) => t.visibility === 'visible')).toBe(true);
      // Fixtures with an HTTP test use the offered framework; all of them must pass with the one wrong one failing.
      expect(result.tests.length - byStatus('passed').length).toBe(1);
      expect(result.tests.find((t) => FAILING.test(t.name))!.output).toMatch(/5/);
    });
  });

  it('reports a Go test package that does not compile as one failed test holding the compiler message', RUN_TIMEOUT, async () => {
    const files = { ...fixture('go'), 'mathx/broken_test.go': 'package mathx\n\nimport "testing"\n\nfunc TestBroken(t *testing.T) { undefinedHelper() }\n' };
    const result = await run('go', files);
    expect(result.status, result.output).toBe('completed');
    expect(result.tests).toHaveLength(1);
    expect(result.tests[0]).toMatchObject({ name: expect.stringContaining('example.com/calc/mathx (build)'), status: 'failed' });
    expect(result.tests[0].output).toContain('undefined: undefinedHelper');
  });

  it("names a package outside the image's set in the own-test output", RUN_TIMEOUT, async () => {
    const files = { ...fixture('python3'), 'test_extra.py': 'import requests\n\ndef test_fetch():\n    assert requests\n' };
    const result = await run('python3', files);
    expect(result.output).toContain("[sandbox] package 'requests' is not available in this runtime");
  });
});
