import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { docker, leftovers, requireDocker, runId, runner } from './test-support/harness';
import type { RunRequest } from '.';

// Challenges that declare `services:` get real PostgreSQL and Redis sidecars (docker/sidecars.ts): reachable
// by the candidate's service under `postgres`/`redis`, read-only to the tests, gone after the run.

// The candidate's service: stores notes in PostgreSQL (a table it migrates itself), counts hits in Redis.
const SERVICE = {
  'package.json': JSON.stringify({ name: 'svc', scripts: { start: 'node server.js' } }),
  'server.js': `
const http = require('node:http');
const { Pool } = require('pg');
const Redis = require('ioredis');
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL);
(async () => {
  await pool.query('CREATE TABLE IF NOT EXISTS notes (id serial primary key, body text not null)');
  http.createServer(async (req, res) => {
    try {
      if (req.url === '/health') return res.end('ok');
      if (req.method === 'POST' && req.url === '/notes') {
        let body = ''; for await (const c of req) body += c;
        const { rows } = await pool.query('INSERT INTO notes (body) VALUES ($1) RETURNING id', [body]);
        res.statusCode = 201; return res.end(JSON.stringify(rows[0]));
      }
      if (req.url === '/notes') {
        const hits = await redis.incr('hits');
        const { rows } = await pool.query('SELECT body FROM seeded UNION ALL SELECT body FROM notes');
        return res.end(JSON.stringify({ hits, bodies: rows.map((r) => r.body) }));
      }
      res.statusCode = 404; res.end();
    } catch (e) { res.statusCode = 500; res.end(String(e)); }
  }).listen(Number(process.env.PORT), '0.0.0.0');
})();
`,
};

// Hidden tests: write through the API, restart the service, read back, and check the rows straight in the
// database through the read-only role (which must not be able to write).
const SUITE = {
  'sidecar.test.js': `
const { test } = require('node:test');
const assert = require('node:assert');
const { Client } = require('pg');
const { SERVICE_URL, CONTROL_URL, TEST_DATABASE_URL } = process.env;
test('stores in postgres and keeps it across a restart', async () => {
  const r = await fetch(SERVICE_URL + '/notes', { method: 'POST', body: 'hello' });
  assert.strictEqual(r.status, 201);
  const restart = await fetch(CONTROL_URL + '/restart', { method: 'POST' });
  assert.strictEqual(restart.status, 200);
  const list = await (await fetch(SERVICE_URL + '/notes')).json();
  assert.deepStrictEqual(list.bodies, ['seed', 'hello']);
  assert.strictEqual(list.hits, 1);
});
test('reads the database read-only', async () => {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query('SELECT body FROM notes');
  assert.deepStrictEqual(rows.map((r) => r.body), ['hello']);
  await assert.rejects(db.query("INSERT INTO notes (body) VALUES ('x')"), /permission denied/);
  await db.end();
});
`,
};

const INIT_SQL = "CREATE TABLE seeded (body text);\nINSERT INTO seeded VALUES ('seed');\n";

function sidecarRequest(overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    runId: runId('sc'),
    runtime: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'] },
    mode: 'black-box',
    submissionFiles: SERVICE,
    testFiles: SUITE,
    testCommand: ['node', '--test', '--test-reporter=junit', '--test-reporter-destination=results/junit.xml'],
    reportFormat: 'junit',
    reportPath: 'results/junit.xml',
    service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 10_000 },
    limits: { timeoutMs: 30_000, memoryMb: 256, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 64 * 1024 },
    defaultVisibility: 'hidden',
    services: {
      postgres: { extensions: ['pgcrypto'], initSql: INIT_SQL, initPath: 'services/init.sql', testAccess: 'read-only' },
      redis: {},
    },
    ...overrides,
  };
}

describe('sidecar services', () => {
  beforeAll(async () => {
    await requireDocker();
    for (const image of ['takehome/postgres15', 'takehome/redis7']) {
      await docker.getImage(image).inspect().catch(() => {
        throw new Error(`image ${image} missing: run docker/build-images.sh`);
      });
    }
  });
  afterEach(async () => expect(await leftovers()).toBe(0));

  it('gives the service postgres and redis that outlive its restart, and the tests read-only access', async () => {
    const req = sidecarRequest();
    const messages: string[] = [];
    const inspected: Promise<unknown>[] = [];
    const result = await runner.run(req, {
      onProgress: (p) => {
        messages.push(p.message);
        // Each sidecar's settings, read while it runs.
        const name = /^(postgres|redis) ready/.exec(p.message)?.[1];
        if (name) inspected.push(docker.getContainer(`takehome-${name === 'postgres' ? 'pg' : 'redis'}-${req.runId}`).inspect());
      },
    });
    const sidecars = (await Promise.all(inspected)) as Array<{ Config: { User: string }; HostConfig: Record<string, unknown>; NetworkSettings: { Networks: Record<string, unknown> } }>;
    expect(sidecars).toHaveLength(2);
    for (const c of sidecars) {
      expect(c.Config.User).toMatch(/^99[89]:99[89]$/);
      expect(c.HostConfig).toMatchObject({ ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Privileged: false });
      expect(c.HostConfig.Memory).toBeGreaterThan(0);
      expect(c.HostConfig.PidsLimit).toBeGreaterThan(0);
      expect(c.HostConfig.CapAdd ?? []).toEqual([]);
      expect(Object.keys(c.NetworkSettings.Networks)).toEqual([`takehome-net-${req.runId}`]);
    }
    expect(result.output).not.toContain('[sandbox]');
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['stores in postgres and keeps it across a restart', 'passed'],
      ['reads the database read-only', 'passed'],
    ]);
    expect(result.status).toBe('completed');
    expect(messages.some((m) => /^postgres ready in \d+ ms/.test(m))).toBe(true);
    expect(messages.some((m) => /^redis ready in \d+ ms/.test(m))).toBe(true);
    expect(Object.keys(result.service_logs ?? {}).sort()).toEqual(['postgres', 'redis']);
    expect(result.service_logs?.postgres).toContain('database system is ready to accept connections');
    expect(await leftovers({ runId: req.runId })).toBe(0);
  });

  it('ends with status error, a [sandbox] postgres diagnostic and the log when the init SQL is broken', async () => {
    const req = sidecarRequest({ services: { postgres: { initSql: 'CREATE TABLE oops (;\n', initPath: 'services/init.sql' } } });
    const result = await runner.run(req);
    expect(result.status).toBe('error');
    expect(result.output).toMatch(/\[sandbox\] postgres did not become ready: the init SQL services\/init.sql failed: .*syntax error/);
    expect(result.service_logs?.postgres).toContain('syntax error');
    expect(result.tests).toEqual([]);
  });

  it("runs a grading's two suites against one boot and one database, with one copy of each sidecar's log", async () => {
    const visible = sidecarRequest();
    // The second suite finds what the first stored: the same database, not a fresh sidecar.
    const second = {
      'after.test.js': `
const { test } = require('node:test');
const assert = require('node:assert');
test('sees the notes of the suite before it', async () => {
  const list = await (await fetch(process.env.SERVICE_URL + '/notes')).json();
  assert.deepStrictEqual(list.bodies, ['seed', 'hello']);
});
`,
    };
    const [first, next] = await runner.runSuites([visible, { ...visible, testFiles: second }]);
    expect(first.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
    expect(next.tests).toMatchObject([{ name: 'sees the notes of the suite before it', status: 'passed' }]);
    expect(Object.keys(first.service_logs ?? {}).sort()).toEqual(['postgres', 'redis']);
    expect(next.service_logs).toBeUndefined();
    expect(await leftovers({ runId: visible.runId })).toBe(0);
  });

  it('gives an in-container run the sidecars on an internal network', async () => {
    const probe = `
const { Client } = require('pg'); const Redis = require('ioredis'); const fs = require('node:fs');
(async () => {
  const db = new Client({ connectionString: process.env.DATABASE_URL }); await db.connect();
  const { rows } = await db.query('SELECT 1 + 1 AS two'); await db.end();
  const r = new Redis(process.env.REDIS_URL); const pong = await r.ping(); r.disconnect();
  const ok = rows[0].two === 2 && pong === 'PONG';
  fs.mkdirSync('results', { recursive: true });
  fs.writeFileSync('results/junit.xml', '<testsuites><testcase name="sidecars">' + (ok ? '' : '<failure/>') + '</testcase></testsuites>');
})().catch((e) => { console.error(e); process.exit(1); });`;
    const req = sidecarRequest({
      mode: 'in-container', submissionFiles: { 'probe.js': probe }, testFiles: {}, testCommand: ['node', 'probe.js'],
      services: { postgres: {}, redis: {} },
    });
    const result = await runner.run(req);
    expect(result.output).toBe('');
    expect(result.tests).toMatchObject([{ name: 'sidecars', status: 'passed' }]);
  });
});
