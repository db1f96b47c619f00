import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxConfig } from '../config';
import { docker, leftovers, loadDir, requireDocker, runId } from '../test-support/harness';
import { DockerWorkbenchSessions } from './docker-workbench-sessions';

const sessions = new DockerWorkbenchSessions(createSandboxConfig(process.env), docker);
const limits = { memoryMb: 256, cpus: 1, pids: 64, workspaceMb: 16, outputBytes: 64 * 1024 };

/** Collects a terminal's output until `pattern` shows up (or fails after a while). */
function waitFor(text: () => string, pattern: RegExp, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (pattern.test(text())) return clearInterval(tick), resolve();
      if (Date.now() - started > ms) return clearInterval(tick), reject(new Error(`no ${pattern} in: ${text()}`));
    }, 50);
  });
}

describe(DockerWorkbenchSessions.name, () => {
  beforeAll(requireDocker);
  afterAll(async () => expect(await leftovers()).toBe(0));

  describe('service and console', () => {
    it('starts the service without network, answers console requests over the probe, and removes everything on stop', async () => {
      const id = runId('svc');
      const probeImage = 'takehome/node20-runner';
      const start = await sessions.startService({
        sessionId: id, image: 'takehome/node20', probeImage, startCommand: ['npm', 'start'], port: 3000, readinessPath: '/health',
        files: { ...loadDir('node-service'), 'net.js': "console.log('IFACES', require('fs').readdirSync('/sys/class/net').join(','))" }, limits,
      });
      expect(start, start.output).toMatchObject({ ready: true });

      const created = await sessions.request(id, 3000, { method: 'POST', path: '/notes', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}', timeoutMs: 5000 });
      expect(created).toMatchObject({ ok: true, status: 201, body: '{"id":1,"text":"hi"}' });
      expect(created.ok && created.headers).toContainEqual(['content-type', 'application/json']);
      expect(await sessions.request(id, 3000, { method: 'GET', path: '/nope', headers: {}, body: '', timeoutMs: 5000 })).toMatchObject({ ok: true, status: 404 });
      // A port nothing listens on: a clear error, not a hang.
      expect(await sessions.request(id, 3001, { method: 'GET', path: '/', headers: {}, body: '', timeoutMs: 2000 })).toMatchObject({ ok: false, error: expect.stringContaining('ECONNREFUSED') });

      // The service and its probe share one network namespace with loopback only.
      const svc = await docker.getContainer(`takehome-svc-${id}`).inspect();
      expect(svc.HostConfig.NetworkMode).toBe('none');
      expect(svc.HostConfig.ReadonlyRootfs).toBe(true);
      expect(svc.HostConfig.CapDrop).toEqual(['ALL']);
      const probe = await docker.getContainer(`takehome-probe-${id}`).inspect();
      expect(probe.HostConfig.NetworkMode).toBe(`container:${svc.Id}`);
      const ifaces = await docker.getContainer(`takehome-probe-${id}`).exec({ Cmd: ['node', '-e', "process.stdout.write(require('fs').readdirSync('/sys/class/net').join(','))"], AttachStdout: true });
      const out = await new Promise<string>((resolve) => ifaces.start({}, (_e, s) => { let t = ''; s!.on('data', (c: Buffer) => (t += c.toString())); s!.on('end', () => resolve(t)); }));
      expect(out).toContain('lo');
      expect(out).not.toMatch(/eth/);

      await sessions.stop(id);
      expect(await leftovers({ runId: id })).toBe(0);
    });

    it("gives the console's service the challenge's sidecars on an internal network, removed on stop", async () => {
      const id = runId('svc-db');
      const server = `const { Client } = require('pg');
require('node:http').createServer(async (q, s) => {
  if (q.url === '/health') return s.end('ok');
  const db = new Client({ connectionString: process.env.DATABASE_URL }); await db.connect();
  const { rows } = await db.query('SELECT count(*)::int AS n FROM seeded'); await db.end();
  s.end(String(rows[0].n));
}).listen(Number(process.env.PORT), '0.0.0.0');`;
      const start = await sessions.startService({
        sessionId: id, image: 'takehome/node20', probeImage: 'takehome/node20-runner', startCommand: ['node', 'server.js'], port: 3000, readinessPath: '/health',
        files: { 'server.js': server }, limits,
        services: { postgres: { initSql: 'CREATE TABLE seeded (x int); INSERT INTO seeded VALUES (1), (2);', initPath: 'services/init.sql' } },
      });
      expect(start, start.output).toMatchObject({ ready: true });
      expect(await sessions.request(id, 3000, { method: 'GET', path: '/', headers: {}, body: '', timeoutMs: 5000 })).toMatchObject({ ok: true, status: 200, body: '2' });
      const svc = await docker.getContainer(`takehome-svc-${id}`).inspect();
      expect(Object.keys(svc.NetworkSettings.Networks)).toEqual([`takehome-net-${id}`]);
      await sessions.stop(id);
      expect(await leftovers({ runId: id })).toBe(0);
    });

    it('says why a service that never listens is not ready', async () => {
      const id = runId('svc-bad');
      const start = await sessions.startService({
        sessionId: id, image: 'takehome/node20', probeImage: 'takehome/node20-runner', startCommand: ['node', 'idle.js'], port: 3000, readinessPath: '/health',
        readinessTimeoutMs: 2000, files: { 'idle.js': "console.log('started but not listening'); setInterval(() => {}, 1000)" }, limits,
      });
      expect(start.ready).toBe(false);
      expect(start.output).toContain('started but not listening');
      expect(start.output).toContain('never became ready');
      await sessions.stop(id);
      expect(await leftovers({ runId: id })).toBe(0);
    });
  });

  describe('terminal', () => {
    it('runs a shell in the candidate files without network, and gives back the files changed there', async () => {
      const id = runId('term');
      await sessions.startTerminal({ sessionId: id, image: 'takehome/node20-runner', files: { 'app.js': 'console.log(40 + 2)\n', 'lib/x.js': 'x' }, limits });
      const shell = await sessions.attachShell(id);
      let text = '';
      shell.onData((d) => (text += d));
      await shell.resize(100, 30);
      shell.write('node app.js\n');
      await waitFor(() => text, /42/);
      shell.write("node -e \"require('fs').writeFileSync('made.txt', 'from the terminal')\"\n");
      shell.write("node -e \"console.log('NET', require('fs').readdirSync('/sys/class/net').join('+'))\"\n");
      await waitFor(() => text, /NET lo\b/);
      expect(text).not.toMatch(/NET .*eth/);

      // A link the candidate makes is named and skipped, never followed to what it points at.
      shell.write("node -e \"require('fs').symlinkSync('/etc/passwd', 'link'); console.log('LINK' + 'ED')\"\n");
      await waitFor(() => text, /LINKED/);
      const { files, skipped } = await sessions.terminalFiles(id);
      expect(files).toEqual({ 'app.js': 'console.log(40 + 2)\n', 'lib/x.js': 'x', 'made.txt': 'from the terminal' });
      expect(skipped).toEqual(['link (symlink)']);
      const info = await docker.getContainer(`takehome-term-${id}`).inspect();
      expect(info.HostConfig).toMatchObject({ NetworkMode: 'none', ReadonlyRootfs: true, CapDrop: ['ALL'], Memory: 256 * 1024 * 1024, PidsLimit: 64 });
      shell.close();
      await sessions.stop(id);
      expect(await leftovers({ runId: id })).toBe(0);
    });
  });
});
