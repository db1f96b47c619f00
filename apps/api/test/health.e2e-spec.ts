import { healthResponse } from '@takehome/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_HEARTBEAT_PREFIX } from '@takehome/jobs';
import { randomUUID } from 'node:crypto';
import { RedisService } from '../src/infra/redis.service';
import { startTestApp, type TestApp } from './support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(() => t?.close());

  it('reports the real database, Redis and Docker engine as up', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    const body = healthResponse.parse(await res.json());
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.redis.status).toBe('up');
    expect(body.checks.docker.status).toBe('up');
    expect(body.checks.disk.status).toBe('up');
  });
});

describe('GET /health when a watched disk is low on space', () => {
  let t: TestApp;
  // A threshold no disk meets stands in for a full one (the fault suite fills a real one).
  beforeAll(async () => {
    t = await startTestApp('health_disk', { HEALTH_DISK_PATHS: '/tmp/takehome-not-created-yet/mail', HEALTH_DISK_MIN_FREE_MB: String(2 ** 30) });
  });
  afterAll(() => t?.close());

  it('answers 503 and names the folder and its free space', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    const body = healthResponse.parse(await res.json());
    expect(res.status).toBe(503);
    expect(body.checks.disk.status).toBe('down');
    expect(body.checks.disk.error).toMatch(/^\/tmp\/takehome-not-created-yet\/mail: \d+ MB free, below \d+ MB$/);
    expect(body.checks.database.status).toBe('up');
  });
});

describe('GET /health with HEALTH_DOCKER=workers (the compose deployment: only workers hold the socket)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health_workers', { HEALTH_DOCKER: 'workers', DOCKER_HOST: 'tcp://127.0.0.1:9' });
  });
  afterAll(() => t?.close());

  it("reports the engine as the workers' heartbeats see it, not through a socket of its own", async () => {
    // DOCKER_HOST points nowhere: a local probe would say down. A worker's beat says its engine is up.
    const key = `${WORKER_HEARTBEAT_PREFIX}health-test-${randomUUID()}`;
    const redis = t.app.get(RedisService).client;
    await redis.set(key, JSON.stringify({ at: new Date().toISOString(), docker: { status: 'up', latencyMs: 3 } }), 'EX', 30);
    try {
      const body = healthResponse.parse(await (await fetch(`${t.baseUrl}/health`)).json());
      expect(body.checks.docker.status).toBe('up');
      expect(body.workers.online).toBeGreaterThanOrEqual(1);
    } finally {
      await redis.del(key);
    }
  });
});

describe('GET /health when Redis goes down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health_down');
  });
  afterAll(() => t?.close());

  it('answers 503 and names the dependency that is down', async () => {
    // The API's own Redis connection drops (as when Redis restarts or the network fails); the queues keep
    // theirs, so the shared Redis every other suite uses stays untouched.
    t.app.get(RedisService).client.disconnect();
    const res = await fetch(`${t.baseUrl}/health`);
    const body = healthResponse.parse(await res.json());
    expect(res.status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.checks.redis.status).toBe('down');
    expect(body.checks.redis.error).toBeTruthy();
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.docker.status).toBe('up');
  });
});

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('openapi');
  });
  afterAll(() => t?.close());

  it('serves the JSON document with the health route and its schema', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/health'].get.responses['200'].content['application/json'].schema.properties.checks).toBeDefined();
  });

  it('serves the interactive docs page', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  it('answers unknown API routes with the documented error shape', async () => {
    const res = await fetch(`${t.baseUrl}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'not_found', message: expect.any(String) });
  });
});
