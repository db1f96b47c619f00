import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'packages/cli/dist/main.js');
const challenge = (slug: string) => path.join(ROOT, 'challenges', slug);

function assess(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('assess run', () => {
  it('prints one JSON result for a passing submission and exits 0', async () => {
    const dir = challenge('url-shortener');
    const { code, stdout } = await assess('run', dir, path.join(dir, 'solutions/python3'), '--runtime', 'python3', '--suite', 'visible', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['execution_time', 'max_score', 'output', 'score', 'status', 'tests']);
    expect(result.status).toBe('completed');
    expect(result.score).toBe(result.max_score);
    expect(result.tests[0]).toEqual({
      name: expect.any(String),
      status: 'passed',
      score: expect.any(Number),
      max_score: expect.any(Number),
      output: expect.any(String),
      visibility: 'visible',
    });
  });

  it('exits 0 with the failures in the result when the tests fail', async () => {
    const dir = challenge('event-pipeline');
    const { code, stdout } = await assess('run', dir, path.join(dir, 'starter/node20'), '--suite', 'hidden', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('completed');
    expect(result.score).toBeLessThan(result.max_score);
    expect(result.tests.some((t: { status: string }) => t.status === 'failed')).toBe(true);
  });

  it.each([
    [['run', '/nonexistent/challenge', '/tmp'], /folder does not exist/],
    [['run', challenge('url-shortener'), '/nonexistent/submission'], /submission \/nonexistent\/submission: folder does not exist/],
    [['run', challenge('url-shortener'), '/tmp', '--runtime', 'cobol'], /unknown runtime "cobol": url-shortener supports node20, python3, go, java17, cpp, ruby/],
    [['run', challenge('url-shortener'), '/tmp', '--suite', 'secret'], /unknown suite "secret"/],
  ])('refuses bad input %# with one clear line and a non-zero exit', async (args, message) => {
    const { code, stdout, stderr } = await assess(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe('assess challenge validate', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'assess-validate-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  const copyOf = async (name: string) => {
    const dir = path.join(scratch, name);
    await cp(challenge('url-shortener'), dir, { recursive: true });
    return dir;
  };

  // The interpreted runtimes here; the compiled ones (builds of up to a minute each) are validated by
  // packages/sandbox's language-runtimes suite and by hand (README: Runtimes). Mutants are proven separately
  // (README: "Mutants"): five runs of each would make this test take many minutes.
  it.each(['url-shortener', 'rate-limiter', 'event-pipeline', 'kv-store', 'order-and-inventory'].flatMap((slug) => [[slug, 'node20'], [slug, 'python3']]))(
    'passes for the built-in %s in %s',
    async (slug, runtime) => {
      const { code, stdout } = await assess('challenge', 'validate', challenge(slug), '--runtime', runtime, '--mutant-runs', '0');
      expect(stdout).toContain(`[${runtime}] reference solution passes the hidden suite`);
      expect(stdout).not.toContain('✗');
      expect(stdout.trim().endsWith('valid')).toBe(true);
      expect(code).toBe(0);
    },
  );

  it('locates bad YAML by file and line', async () => {
    const dir = await copyOf('bad-yaml');
    await writeFile(path.join(dir, 'challenge.yaml'), 'slug: x\ntitle: [unclosed\n');
    const { code, stderr } = await assess('challenge', 'validate', dir);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/challenge\.yaml: .*line \d+/);
  });

  it('names a missing starter', async () => {
    const dir = await copyOf('no-starter');
    await rm(path.join(dir, 'starter/python3'), { recursive: true });
    const { code, stderr } = await assess('challenge', 'validate', dir);
    expect(code).not.toBe(0);
    expect(stderr).toContain('starter/python3: missing');
  });

  // One validate run (about a minute) covers both: a broken solution fails, an override naming no test only warns.
  it('fails when the reference solution fails a hidden test, naming the test, and warns about an override no test matches', async () => {
    const dir = await copyOf('broken-solution');
    const server = path.join(dir, 'solutions/node20/server.js');
    await writeFile(server, (await readFile(server, 'utf8')).replace('send(res, 302,', 'send(res, 301,'));
    const yaml = path.join(dir, 'challenge.yaml');
    const known = "'create: answers 409 when the alias is already taken'";
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(known, "'links > create: answers 409 when the alias is already taken'"));
    const { code, stdout } = await assess('challenge', 'validate', dir, '--runtime', 'node20', '--mutant-runs', '0');
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ \[node20\] reference solution passes the hidden suite — completed; failing: .*redirect/i);
    expect(stdout).toMatch(/! \[node20\] every override in suites.hidden.tests names a reported test — no test in the report is named "links > create: answers 409/);
    expect(stdout).not.toMatch(/failing: .*links > create/);
    expect(stdout.trim().endsWith('INVALID')).toBe(true);
  });

  it('runs each mutant several times, prints the kill rate and fails on a survivor', async () => {
    const { code, stdout } = await assess('challenge', 'validate', path.join(__dirname, 'fixtures/tiny-mutants'), '--mutant-runs', '2');
    expect(stdout).toMatch(/✓ \[node20\] mutant health-uppercase loses points on every run — caught 2\/2/);
    expect(stdout).toMatch(/✗ \[node20\] mutant answer-off-by-one loses points on every run — caught 0\/2: Answers 41 instead of 42/);
    expect(stdout).toMatch(/✗ \[node20\] kill rate — 1\/2 mutants killed on all 2 runs \(50%\); flaky catches: none; survivors: answer-off-by-one/);
    expect(stdout.trim().endsWith('INVALID')).toBe(true);
    expect(code).toBe(1);
  });

  it('refuses a --mutant-runs that is not a small whole number', async () => {
    const { code, stderr } = await assess('challenge', 'validate', challenge('url-shortener'), '--mutant-runs', 'many');
    expect(code).not.toBe(0);
    expect(stderr).toContain('--mutant-runs must be a whole number from 0 to 50');
  });
});
