import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { freePort } from './support/sso-flow';

const API_MAIN = path.resolve(__dirname, '../dist/main.js');
const METRICS_TOKEN = 'scraper-token-for-the-cluster-test';

/** The built API started as a real process with API_PROCESSES=2, as `npm start` and the compose file run it. */
describe('API as several processes on one port', () => {
  let api: ChildProcess;
  let baseUrl: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [API_MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: await createTestDatabase('api_processes'),
        PORT: String(port),
        API_PROCESSES: '2',
        METRICS_TOKEN,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    api.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(async () => (await processesAnswering()) === 2, 60_000);
  }, 90_000);
  afterAll(async () => {
    if (api?.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
  });

  async function scrape(): Promise<string> {
    const res = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    if (res.status !== 200) throw new Error(`metrics answered ${res.status}`);
    return res.text();
  }
  async function processesAnswering(): Promise<number | undefined> {
    const text = await scrape().catch(() => undefined);
    const line = text?.split('\n').find((l) => l.startsWith('takehome_api_processes '));
    return line ? Number(line.split(' ')[1]) : undefined;
  }
  async function until(check: () => Promise<boolean>, ms: number) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; API output:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const children = () =>
    execFileSync('pgrep', ['-P', String(api.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);

  it('serves from two processes, and one scrape counts the requests of both', async () => {
    expect(children()).toHaveLength(2);
    const count = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('takehome_http_request_duration_seconds_count{method="GET",route="/api/auth/me"'))
        .reduce((sum, l) => sum + Number(l.split(' ')[1]), 0);
    const before = count(await scrape());
    await Promise.all(Array.from({ length: 40 }, () => fetch(`${baseUrl}/api/auth/me`)));
    expect(count(await scrape()) - before).toBe(40);
  });

  it('replaces a process that dies, and keeps answering meanwhile', async () => {
    const [victim, survivor] = children();
    process.kill(victim, 'SIGKILL');
    // Once the supervisor knows, connections go to the survivor while the replacement boots.
    await until(async () => output.includes('API process died; starting another'), 10_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${baseUrl}/health`).then((r) => r.status, () => 0)));
    expect(answers.filter((s) => s === 0)).toEqual([]);
    await until(async () => children().length === 2 && !children().includes(victim), 30_000);
    expect(children()).toContain(survivor);
    await until(async () => (await processesAnswering()) === 2, 30_000);
  });
});
