import { queuePrefix, workbenchKeys } from '@takehome/jobs';
import Docker from 'dockerode';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWorker, type WorkerProcess } from '../../../tests/support/worker-process';
import { CandidateClient, CandidateFactories } from './support/candidate-factories';
import { Factories } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const sandboxObjects = async (sessionId: string) => {
  const filters = JSON.stringify({ label: [`takehome.run-id=${sessionId}`] });
  const [containers, volumes] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listVolumes({ filters })]);
  return containers.length + (volumes.Volumes?.length ?? 0);
};
const until = async (check: () => Promise<boolean>, ms: number) => {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 250))) if (await check()) return true;
  return false;
};

// The starter answers /health; this adds an echo so the console's method, headers and body can be seen.
const ECHO_SERVER = `const http = require('node:http');
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/health') return res.end('ok');
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-echo': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, token: req.headers['x-token'] ?? null, body }));
  });
}).listen(Number(process.env.PORT), '0.0.0.0');
`;

describe('candidate workbench: service console and terminal through the worker', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let f: Factories;
  let cf: CandidateFactories;

  beforeAll(async () => {
    t = await startTestApp('workbench_live');
    worker = await startWorker({ DATABASE_URL: t.config.DATABASE_URL, REDIS_URL: t.config.REDIS_URL, WORKBENCH_IDLE_SECONDS: '6' });
    f = new Factories(t.config.DATABASE_URL);
    cf = new CandidateFactories(f);
  });
  afterAll(async () => {
    await worker?.stop();
    await f?.close();
    await t?.close();
  });

  async function started(options: { terminal?: boolean } = {}) {
    const scene = await cf.scene();
    if (options.terminal) await f.prisma.assessment.update({ where: { id: scene.assessment.id }, data: { terminalEnabled: true } });
    const { invitation, token } = await cf.invitation(scene);
    const client = new CandidateClient(t.baseUrl);
    await client.open(token);
    expect((await client.json('POST', '/attempt/start', { runtime: 'node20' })).status).toBe(200);
    const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    return { client, attempt };
  }

  describe('service console', () => {
    it('starts the saved files, relays requests, keeps attempts apart, refuses bad input by field, and cleans up on stop', async () => {
      const a = await started();
      const b = await started();
      const anonymous = new CandidateClient(t.baseUrl);
      expect((await anonymous.json('POST', '/workbench/service')).status).toBe(401);
      expect((await a.client.json('GET', '/workbench/service')).body).toEqual({ running: false, ready: false, output: '' });
      const early = await a.client.json('POST', '/workbench/service/requests', { method: 'GET', path: '/health' });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('service_not_running');

      await a.client.json('PUT', '/files', { path: 'server.js', content: ECHO_SERVER, baseRevision: 1 });
      const start = await a.client.json('POST', '/workbench/service');
      expect(start.status, start.text).toBe(200);
      expect(start.body).toMatchObject({ running: true, ready: true });

      const echo = await a.client.json('POST', '/workbench/service/requests', { method: 'POST', path: '/links?x=1', headers: { 'x-token': 'abc' }, body: '{"url":"https://example.com"}' });
      expect(echo.status).toBe(200);
      expect(echo.body).toMatchObject({ ok: true, status: 200, truncated: false });
      expect(JSON.parse(echo.body.body)).toEqual({ method: 'POST', url: '/links?x=1', token: 'abc', body: '{"url":"https://example.com"}' });
      expect(echo.body.headers).toContainEqual(['x-echo', 'yes']);
      expect((await a.client.json('POST', '/workbench/service/requests', { method: 'GET', path: '/missing' })).body).toMatchObject({ ok: true, status: 404 });

      for (const [body, field] of [
        [{ method: 'TRACE', path: '/' }, 'method'],
        [{ method: 'GET', path: 'no-slash' }, 'path'],
        [{ method: 'GET', path: '/', headers: { 'x-a': 'one\r\nInjected: 1' } }, 'headers'],
        [{ method: 'POST', path: '/', body: 'x'.repeat(70 * 1024) }, 'body'],
      ] as const) {
        const bad = await a.client.json('POST', '/workbench/service/requests', body);
        expect(bad.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(bad.text).toContain(field);
      }

      // B has no service of its own, and nothing routes B's requests to A's.
      expect((await b.client.json('POST', '/workbench/service/requests', { method: 'GET', path: '/health' })).status).toBe(409);

      const sessionId = `svc-${a.attempt.id}`;
      expect(await sandboxObjects(sessionId)).toBeGreaterThan(0);
      expect((await a.client.json('DELETE', '/workbench/service')).status).toBe(204);
      expect(await sandboxObjects(sessionId)).toBe(0);
      expect((await a.client.json('POST', '/workbench/service/requests', { method: 'GET', path: '/health' })).status).toBe(409);
    });

    it('drops a start the API already gave up on instead of starting it late', async () => {
      const { attempt } = await started();
      const sessionId = `svc-${attempt.id}`;
      const redis = new Redis(t.config.REDIS_URL);
      const request = { sessionId, image: 'takehome/node20', probeImage: 'takehome/node20-runner', startCommand: ['npm', 'start'], port: 8080, readinessPath: '/health', files: {}, limits: { memoryMb: 128, cpus: 1, pids: 32, workspaceMb: 8, outputBytes: 4096 } };
      await redis.rpush(workbenchKeys(queuePrefix(t.config.DATABASE_URL)).starts, JSON.stringify({ id: 'late', replyTo: 'nobody', kind: 'service', sessionId, request, notAfter: Date.now() - 1 }));
      await new Promise((r) => setTimeout(r, 4000));
      expect(await redis.llen(workbenchKeys(queuePrefix(t.config.DATABASE_URL)).starts)).toBe(0);
      expect(await sandboxObjects(sessionId)).toBe(0);
      redis.disconnect();
    });

    it('stops an idle service by itself', async () => {
      const { client, attempt } = await started();
      expect((await client.json('POST', '/workbench/service')).body).toMatchObject({ running: true });
      const sessionId = `svc-${attempt.id}`;
      expect(await until(async () => (await sandboxObjects(sessionId)) === 0, 30_000)).toBe(true);
      expect((await client.json('GET', '/workbench/service')).body.running).toBe(false);
    });
  });

  describe('terminal', () => {
    it('is off unless the assessment turns it on', async () => {
      const { client } = await started();
      expect((await client.json('GET', '/workbench/terminal')).body).toEqual({ enabled: false, running: false });
      const refused = await client.json('POST', '/workbench/terminal');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('terminal_disabled');
    });

    it('attaches a shell over a WebSocket (same-origin, with the candidate cookie), gives back changed files, and cleans up', async () => {
      const { client, attempt } = await started({ terminal: true });
      expect((await client.json('POST', '/workbench/terminal')).body).toEqual({ enabled: true, running: true });
      const url = `${t.baseUrl.replace('http', 'ws')}/api/candidate/workbench/terminal/socket`;
      const opens = (headers: Record<string, string>) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url, { headers });
          ws.on('open', () => (ws.close(), resolve(101)));
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('error', () => resolve(0));
        });
      expect(await opens({ Origin: 'https://evil.example', Cookie: client.cookie })).toBe(403);
      expect(await opens({ Origin: t.baseUrl })).toBe(401);

      const ws = new WebSocket(url, { headers: { Origin: t.baseUrl, Cookie: client.cookie } });
      let screen = '';
      ws.on('message', (data) => (screen += String(data)));
      await new Promise((resolve) => ws.on('open', resolve));
      const send = (data: string) => ws.send(JSON.stringify({ type: 'input', data }));
      ws.send(JSON.stringify({ type: 'resize', cols: 100, rows: 30 }));
      await until(async () => screen.includes('$'), 10_000);
      send("node -e \"require('fs').writeFileSync('notes.txt', 'typed in the terminal'); console.log('NET=' + require('fs').readdirSync('/sys/class/net'))\"\n");
      expect(await until(async () => /NET=lo\b/.test(screen), 15_000), screen).toBe(true);
      expect(screen).not.toMatch(/NET=.*eth/);

      const files = await client.json('GET', '/workbench/terminal/files');
      expect(files.body.files).toMatchObject({ 'notes.txt': 'typed in the terminal', 'server.js': expect.any(String) });
      ws.close();

      const sessionId = `term-${attempt.id}`;
      expect((await client.json('DELETE', '/workbench/terminal')).status).toBe(204);
      expect(await sandboxObjects(sessionId)).toBe(0);
      expect((await client.json('GET', '/workbench/terminal/files')).status).toBe(403);
    });

    it('stops the service and the terminal once the work is submitted', async () => {
      const { client, attempt } = await started({ terminal: true });
      expect((await client.json('POST', '/workbench/service')).status).toBe(200);
      expect((await client.json('POST', '/workbench/terminal')).status).toBe(200);
      expect(await sandboxObjects(`svc-${attempt.id}`)).toBeGreaterThan(0);
      expect((await client.json('POST', '/submit')).status).toBe(200);
      expect(await until(async () => (await sandboxObjects(`svc-${attempt.id}`)) + (await sandboxObjects(`term-${attempt.id}`)) === 0, 15_000)).toBe(true);
    });
  });
});
