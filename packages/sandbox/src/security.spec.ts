import * as fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blackBoxRequest, hostAddresses, leftovers, loadDir, nodeInContainerRequest, READ_GATEWAY_JS, requireDocker, runner, startHostListener } from './test-support/harness';

// Hostile submissions. Each must be contained, leave nothing labelled behind, and leave the engine able
// to grade the next honest submission correctly (checked after every case).

const PASSING_JUNIT = `<?xml version="1.0"?><testsuites><testcase name="ran"/></testsuites>`;

/** An in-container run whose "test command" is the hostile program itself. */
function hostile(script: string, limits: Record<string, number> = {}) {
  const base = nodeInContainerRequest({ 'evil.js': script, 'report.xml': PASSING_JUNIT });
  return { ...base, testCommand: ['node', 'evil.js'], limits: { ...base.limits, timeoutMs: 8000, ...limits } };
}

const WRITE_REPORT = `require('fs').copyFileSync('report.xml', 'results/junit.xml');`;

describe('sandbox security', () => {
  beforeAll(requireDocker);
  afterEach(async () => {
    expect(await leftovers()).toBe(0);
    const next = await runner.run(nodeInContainerRequest(loadDir('node-service')));
    expect(next).toMatchObject({ status: 'completed', score: 2 });
    expect(await leftovers()).toBe(0);
  });

  it('contains a fork bomb (pids limit) and kills it at the time limit', async () => {
    const req = hostile('', { timeoutMs: 4000, pids: 64 });
    const result = await runner.run({ ...req, testCommand: ['/bin/sh', '-c', 'b() { b | b & }; b; wait'] });
    // The bomb either collapses on "Cannot fork" (no report: error) or is still running at the limit.
    expect(['error', 'timeout']).toContain(result.status);
    expect(result.output).toMatch(/Cannot fork|time limit/);
  });

  it('turns a memory bomb into status oom', async () => {
    const result = await runner.run(hostile('const keep = []; for (;;) keep.push(Buffer.alloc(8 << 20, 1));', { memoryMb: 128 }));
    expect(result.status).toBe('oom');
  });

  it('kills a CPU spin at the wall-clock limit', async () => {
    const started = Date.now();
    const result = await runner.run(hostile('for (;;) {}', { timeoutMs: 2000 }));
    expect(result.status).toBe('timeout');
    expect(result.output).toContain('time limit of 2000 ms exceeded');
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('caps a stdout flood on the host side', async () => {
    const flood = `const chunk = 'x'.repeat(1 << 16); let n = 0; (function w() { while (n++ < 400) if (!process.stdout.write(chunk)) return process.stdout.once('drain', w); ${WRITE_REPORT} })();`;
    const result = await runner.run(hostile(flood, { outputBytes: 10_000 }));
    expect(result.status).toBe('completed');
    expect(result.output.length).toBeLessThan(10_500);
    expect(result.output).toMatch(/output truncated: \d+ more bytes dropped/);
  });

  it('keeps disk fills inside the size-limited workspace and tmp, and the rootfs read-only', async () => {
    const fill = `const fs = require('fs'); const out = [];
      for (const dir of ['/workspace/.data', '/tmp']) {
        try { const fd = fs.openSync(dir + '/fill', 'w'); try { for (let i = 0; i < 4096; i++) fs.writeSync(fd, Buffer.alloc(1 << 20)); } finally { fs.closeSync(fd); } } catch (e) { out.push(dir + ':' + e.code); }
        try { fs.unlinkSync(dir + '/fill'); } catch {}
      }
      for (const p of ['/opt/x', '/etc/x', '/usr/x']) { try { fs.writeFileSync(p, 'x'); out.push(p + ':written'); } catch (e) { out.push(p + ':' + e.code); } }
      console.log(out.join(' ')); ${WRITE_REPORT}`;
    const result = await runner.run(hostile(fill, { workspaceMb: 32 }));
    expect(result.status).toBe('completed');
    expect(result.output).toMatch(/\/workspace\/\.data:(ENOSPC|EFBIG)/);
    expect(result.output).toMatch(/\/tmp:(ENOSPC|EFBIG)/);
    expect(result.output).not.toContain('written');
    expect(result.output).toMatch(/\/opt\/x:(EROFS|EACCES)/);
  });

  it('gives the submission no env secrets: only its own variables', async () => {
    process.env.TAKEHOME_FAKE_SECRET = 'hunter2-do-not-leak';
    try {
      const result = await runner.run(hostile(`console.log('ENV=' + JSON.stringify(process.env)); ${WRITE_REPORT}`));
      const env = JSON.parse(/ENV=(.*)/.exec(result.output)![1]) as Record<string, string>;
      expect(result.output).not.toContain('hunter2');
      const allowed = /^(PATH|HOSTNAME|HOME|PORT|DATA_DIR|NODE_ENV|NPM_CONFIG_[A-Z_]+)$/;
      expect(Object.keys(env).filter((k) => !allowed.test(k))).toEqual([]);
      expect(env.DATA_DIR).toBe('/workspace/.data');
    } finally {
      delete process.env.TAKEHOME_FAKE_SECRET;
    }
  });

  it('has no network in-container mode (only loopback, no DNS)', async () => {
    const probe = `const dns = require('dns'); const os = require('os');
      console.log('IFACES=' + Object.keys(os.networkInterfaces()).join(','));
      dns.lookup('localhost.invalid', (e) => { console.log('DNS=' + (e ? e.code : 'resolved')); ${WRITE_REPORT} });`;
    const result = await runner.run(hostile(probe));
    expect(result.output).toContain('IFACES=lo\n');
    expect(result.output).toMatch(/DNS=(ENOTFOUND|EAI_AGAIN)/);
  });

  describe('black-box mode', () => {
    let host: Awaited<ReturnType<typeof startHostListener>>;
    // A listener on the host's every address: the sandbox must not reach it through its network gateway.
    beforeAll(async () => {
      host = await startHostListener();
    });
    afterAll(() => host.close());

    it('cannot reach the host: the service and its tests share a network holding loopback only', async () => {
      const files = loadDir('node-service');
      files['probe.js'] = `const net = require('net');
        console.log('IFACES=' + Object.keys(require('os').networkInterfaces()).join(','));
        ${READ_GATEWAY_JS}
        const targets = [gw ?? '0.0.0.0', ...${JSON.stringify(hostAddresses())}];
        Promise.all(targets.map((ip) => new Promise((done) => { const s = net.connect(${host.port}, ip); s.setTimeout(1500);
          s.on('data', (d) => done(ip + ':' + String(d).trim())); s.on('error', (e) => done(ip + ':' + e.code));
          s.on('timeout', () => { s.destroy(); done(ip + ':timeout'); }); })))
          .then((r) => { console.log('PROBE=' + r.join(' ')); process.exit(); });`;
      files['package.json'] = JSON.stringify({ scripts: { start: 'node probe.js && node server.js' } });
      const result = await runner.run(blackBoxRequest(files));
      expect(result.output).toContain('IFACES=lo\n');
      expect(result.output).toMatch(/PROBE=\S+:(timeout|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)/);
      expect(result.output).not.toContain('HOST-REACHED');
      expect(result.status).toBe('completed');
    });

    it('never puts the hidden tests where the submission can find them', async () => {
      const files = loadDir('node-service');
      files['search.js'] = `const fs = require('fs'); const marker = 'HIDDEN-TEST-' + 'MARKER'; let files = 0; const hits = [];
        (function walk(d) { let list = []; try { list = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
          for (const e of list) { const p = (d === '/' ? '' : d) + '/' + e.name;
            if (['/proc', '/sys', '/dev'].includes(p)) continue;
            if (e.isDirectory()) walk(p);
            else if (e.isFile()) { files++; try { const st = fs.statSync(p); if (st.size < 4e6 && fs.readFileSync(p).includes(marker)) hits.push(p); } catch {} } } })('/');
        console.log('SEARCHED=' + files + ' HITS=' + hits.length + ' ' + hits.join(','));`;
      files['package.json'] = JSON.stringify({ scripts: { start: 'node search.js && node server.js' } });
      const result = await runner.run(blackBoxRequest(files, { limits: { ...blackBoxRequest({}).limits, timeoutMs: 30000 }, service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 25000 } }));
      expect(result.output).toMatch(/SEARCHED=\d{3,} HITS=0 /);
      expect(result.status).toBe('completed');
    });

    it('restarts a service that ignores SIGTERM (SIGKILL after the grace period)', async () => {
      const files = loadDir('node-service');
      files['server.js'] = `process.on('SIGTERM', () => console.log('ignoring SIGTERM'));\n${files['server.js']}`;
      const result = await runner.run(blackBoxRequest(files));
      expect(result).toMatchObject({ status: 'completed', score: 3 });
      expect(result.output).toContain('ignoring SIGTERM');
    });

    it('reports not_ready with a clear message when the service never listens', async () => {
      const files = { 'package.json': JSON.stringify({ scripts: { start: 'node -e "setInterval(() => {}, 1000)"' } }) };
      const result = await runner.run(blackBoxRequest(files, { service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 1500 } }));
      expect(result.status).toBe('not_ready');
      expect(result.output).toMatch(/never became ready: service at http:\/\/127.0.0.1:3000\/health not ready after 1500 ms/);
      expect(result.tests).toEqual([]);
    });
  });

  describe('result archives', () => {
    it('rejects a report that is a symlink to a host-looking path', async () => {
      const result = await runner.run(hostile(`require('fs').symlinkSync('/etc/passwd', 'results/junit.xml');`));
      expect(result.status).toBe('error');
      expect(result.output).toContain('report is a symlink, not a regular file');
    });

    it('does not follow a symlinked results directory out of the workspace', async () => {
      const before = fs.readFileSync('/etc/hostname', 'utf8');
      const result = await runner.run(hostile(`const fs = require('fs'); fs.rmSync('results', { recursive: true }); fs.symlinkSync('/etc', 'results');`, {}));
      expect(result.status).toBe('error');
      expect(fs.readFileSync('/etc/hostname', 'utf8')).toBe(before);
    });
  });
});
