import { loadChallenge, type ChallengePackage } from '@takehome/challenge';
import { createSandboxConfig, DockerSandboxRunner, RUN_ID_LABEL } from '@takehome/sandbox';
import Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunForExecution } from '../src/runs/run.repository';
import { buildSandboxRequests } from '../src/runs/sandbox-requests';

// A candidate's own tests through the worker's request builder and the real Docker engine: their files only,
// the runtime's test command, no network, nothing left behind.
const CHALLENGE_DIR = path.resolve(__dirname, '../../../challenges/url-shortener');
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const runner = new DockerSandboxRunner(createSandboxConfig(process.env), docker);

const ownRun = (runtime: string, files: Record<string, string>) =>
  ({ id: randomUUID(), kind: 'PRACTICE', suite: 'own', runtime, files, status: 'QUEUED', challengeVersionId: 'v' }) as unknown as RunForExecution;

// Inside the container: which network interfaces exist (loopback only under --network none) and whether any
// of the challenge's test files are present.
const NODE_TESTS = `
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { slug } = require('../slug.js');
test('slug keeps letters', () => assert.strictEqual(slug('Ab'), 'ab'));
test('slug is deliberately wrong here', () => assert.strictEqual(slug('x'), 'y'));
test('sandbox: loopback only, no challenge tests', () => {
  assert.deepStrictEqual(fs.readdirSync('/sys/class/net').sort(), ['lo']);
  for (const f of ['links.test.mjs', 'http.mjs', 'create.test.mjs']) assert.ok(!fs.existsSync(f), f);
});
`;

const PY_TESTS = `
import os, unittest
from slug import slug

class SlugTest(unittest.TestCase):
    def test_lower(self):
        self.assertEqual(slug("Ab"), "ab")

    def test_loopback_only(self):
        self.assertEqual(sorted(os.listdir("/sys/class/net")), ["lo"])
`;

async function leftovers(runId: string): Promise<number> {
  const filters = JSON.stringify({ label: [`${RUN_ID_LABEL}=${runId}-own`] });
  const [containers, volumes] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listVolumes({ filters })]);
  return containers.length + (volumes.Volumes?.length ?? 0);
}

describe('own tests in the sandbox', () => {
  let pkg: ChallengePackage;
  beforeAll(async () => {
    pkg = await loadChallenge(CHALLENGE_DIR);
  });

  it('node20: runs node --test over the candidate files, reports each test, sees no network and no challenge test', async () => {
    const run = ownRun('node20', { 'slug.js': 'exports.slug = (s) => s.toLowerCase();\n', 'test/slug.test.js': NODE_TESTS, 'package.json': '{}' });
    const [request] = buildSandboxRequests(run, pkg);
    expect(request.testFiles).toEqual({});
    expect(request.mode).toBe('in-container');
    const result = await runner.run(request);
    expect(result.status, result.output).toBe('completed');
    const byName = Object.fromEntries(result.tests.map((t) => [t.name, t]));
    expect(byName['slug keeps letters']).toMatchObject({ status: 'passed', visibility: 'visible' });
    expect(byName['slug is deliberately wrong here']).toMatchObject({ status: 'failed' });
    expect(byName['slug is deliberately wrong here'].output).toContain("'x'");
    expect(byName['sandbox: loopback only, no challenge tests'], byName['sandbox: loopback only, no challenge tests']?.output).toMatchObject({ status: 'passed' });
    // The spec reporter's text is the run's output, as a terminal would show it.
    expect(result.output).toContain('slug keeps letters');
    expect(await leftovers(run.id)).toBe(0);
  });

  it('python3: unittest discovery of test*.py with a JUnit report', async () => {
    const run = ownRun('python3', { 'slug.py': 'def slug(s):\n    return s.lower()\n', 'test_slug.py': PY_TESTS, 'main.py': '' });
    const result = await runner.run(buildSandboxRequests(run, pkg)[0]);
    expect(result.status, result.output).toBe('completed');
    expect(result.tests.map((t) => [t.name, t.status]).sort()).toEqual([
      [expect.stringContaining('test_loopback_only'), 'passed'],
      [expect.stringContaining('test_lower'), 'passed'],
    ]);
    expect(await leftovers(run.id)).toBe(0);
  });

  it('no test files: completes with no tests rather than failing', async () => {
    const run = ownRun('node20', { 'index.js': 'console.log(1)\n', 'package.json': '{}' });
    const result = await runner.run(buildSandboxRequests(run, pkg)[0]);
    expect(result.status, result.output).toBe('completed');
    expect(result.tests).toEqual([]);
  });
});
