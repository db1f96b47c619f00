import path from 'node:path';
import { buildRunInputs, type ChallengePackage, loadChallenge, toSandboxRequest } from '@takehome/challenge';
import { RUN_ID_LABEL, SANDBOX_LABEL, type RunRequest } from '@takehome/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { docker, hostAddresses, leftovers, READ_GATEWAY_JS, requireDocker, runId, runner, startHostListener } from '../../packages/sandbox/src/test-support/harness';

/**
 * Hostile candidates against the sidecar services (issue 20): the candidate's service is given PostgreSQL and
 * Redis and turns them (or its place next to them) against the host, other runs and the test runner. Each case
 * must be contained, leave no labelled container, network or volume behind, and leave the engine able to grade the
 * next honest submission (checked after every case). The challenge is a throwaway fixture (tests/support/fixtures).
 */

const FIXTURE = path.resolve(__dirname, '../support/fixtures/notes-db');

/** The fixture's honest server, started after the hostile prelude so the run itself can finish normally. */
let pkg: ChallengePackage;
const honest = () => pkg.solutions.node20!['server.js'];

/** A submission whose service first runs `prelude` (an async function body; `pg` and `net` in scope), prints what it
 *  returns as PROBE=<json>, then serves as the honest solution does. */
function hostileRequest(prelude: string, overrides: Partial<RunRequest> = {}): RunRequest {
  const files = {
    'package.json': pkg.solutions.node20!['package.json'],
    'honest.js': honest(),
    'server.js': `const pg = require('pg'); const net = require('net'); const dns = require('dns').promises;
      const tcp = (host, port, ms = 1500) => new Promise((done) => { const s = net.connect(port, host); s.setTimeout(ms);
        s.on('connect', () => { s.destroy(); done('connected'); }); s.on('error', (e) => done(e.code)); s.on('timeout', () => { s.destroy(); done('timeout'); }); });
      const sql = async (text) => { const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); c.on('error', () => {}); await c.connect();
        try { return (await c.query(text)).rows; } catch (e) { return 'ERR ' + (e.code || '') + ' ' + e.message; } finally { await c.end().catch(() => {}); } };
      (async () => { ${prelude} })().then((r) => console.log('PROBE=' + JSON.stringify(r)), (e) => console.log('PROBE-FAILED ' + e.stack))
        .finally(() => require('./honest.js'));`,
  };
  const inputs = buildRunInputs(pkg, 'node20', 'visible', { files });
  const req = toSandboxRequest(inputs, runId('sc'));
  // The probe runs before the service listens: give it time (its own cases cap how long they probe).
  return { ...req, service: { ...req.service, readinessTimeoutMs: 60_000 }, ...overrides };
}

function probeOf(output: string): unknown {
  const line = /PROBE=(.*)/.exec(output);
  if (!line) throw new Error(`no probe result in the run's output:\n${output.slice(-4000)}`);
  return JSON.parse(line[1]);
}

async function honestRunPasses() {
  const inputs = buildRunInputs(pkg, 'node20', 'visible', 'solution');
  const result = await runner.run(toSandboxRequest(inputs, runId('ok')));
  expect(result, result.output.slice(-3000)).toMatchObject({ status: 'completed', score: 2, max_score: 2 });
}

describe('sidecar services under hostile submissions', () => {
  beforeAll(async () => {
    await requireDocker();
    for (const image of ['takehome/postgres15', 'takehome/redis7']) {
      await docker.getImage(image).inspect().catch(() => {
        throw new Error(`image ${image} missing: run docker/build-images.sh`);
      });
    }
    pkg = await loadChallenge(FIXTURE);
  });
  afterEach(async () => {
    expect(await leftovers()).toBe(0);
    await honestRunPasses();
    expect(await leftovers()).toBe(0);
  });

  it('grades the honest solution against a real PostgreSQL 15 and keeps the sidecar logs', async () => {
    const result = await runner.run(toSandboxRequest(buildRunInputs(pkg, 'node20', 'visible', 'solution'), runId('ok')));
    expect(result).toMatchObject({ status: 'completed', score: 2 });
    expect(Object.keys(result.service_logs ?? {}).sort()).toEqual(['postgres', 'redis']);
  }, 120_000);

  describe('the host', () => {
    let host: Awaited<ReturnType<typeof startHostListener>>;
    beforeAll(async () => {
      host = await startHostListener();
    });
    afterAll(() => host.close());

    it("is out of reach from the service's network: the gateway, the Docker bridge, the host's PostgreSQL and Redis", async () => {
      const targets = ['172.17.0.1', ...hostAddresses()];
      const prelude = `${READ_GATEWAY_JS}
        const out = {};
        await Promise.all([...(gw ? [gw] : []), ...${JSON.stringify(targets)}].flatMap((ip) => [${host.port}, 55432, 56379, 2375].map(async (port) => {
          out[ip + ':' + port] = await tcp(ip, port);
        })));
        out.ownDatabase = await tcp('postgres', 5432);
        out.ownRedis = await tcp('redis', 6379);
        return out;`;
      const result = await runner.run(hostileRequest(prelude));
      const probe = probeOf(result.output) as Record<string, string>;
      expect(probe.ownDatabase).toBe('connected');
      expect(probe.ownRedis).toBe('connected');
      const reached = Object.entries(probe).filter(([k, v]) => !k.startsWith('own') && v === 'connected');
      expect(reached).toEqual([]);
      expect(result.output).not.toContain('HOST-REACHED');
      expect(result.status).toBe('completed');
    }, 120_000);

    it('cannot use its database to reach out either: no superuser, no server programs or files, no dblink', async () => {
      const prelude = `return {
          superuser: await sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
          alter: await sql('ALTER ROLE CURRENT_USER SUPERUSER'),
          setRole: await sql('SET ROLE postgres'),
          program: await sql("COPY (SELECT 1) TO PROGRAM 'id'"),
          readFile: await sql("SELECT pg_read_file('/etc/passwd')"),
          dblink: await sql('CREATE EXTENSION dblink'),
          passwords: await sql('SELECT rolname, rolpassword FROM pg_authid'),
          env: Object.keys(process.env).sort(),
          testDatabaseUrl: Object.values(process.env).some((v) => /tests_ro/.test(v)),
        };`;
      const result = await runner.run(hostileRequest(prelude));
      const probe = probeOf(result.output) as Record<string, unknown>;
      expect(probe.superuser).toEqual([{ rolsuper: false }]);
      for (const key of ['alter', 'setRole', 'program', 'readFile', 'dblink', 'passwords']) expect(probe[key], key).toMatch(/^ERR /);
      // The test runner's read-only login (TEST_DATABASE_URL) is the runner's alone: nothing of it in the service's env.
      expect(probe.env).not.toContain('TEST_DATABASE_URL');
      expect(probe.testDatabaseUrl).toBe(false);
      expect(probe.env).toContain('DATABASE_URL');
      expect(result.status).toBe('completed');
    }, 120_000);
  });

  it("cannot resolve or reach another run's database while both run", async () => {
    // Run B holds its service back (it listens late), so its sidecars stay up while run A probes them.
    const b = hostileRequest(`await new Promise((r) => setTimeout(r, 35_000)); return 'late';`);
    let bFinished = false;
    const bRun = runner.run({ ...b, service: { ...b.service, readinessTimeoutMs: 90_000 } }).finally(() => (bFinished = true));
    const bDatabase = await waitForSidecar(b.runId, 'postgres', 30_000);
    const prelude = `const out = {};
      await Promise.all([
        ...${JSON.stringify(bDatabase.names)}.map(async (name) => { out['dns ' + name] = await dns.lookup(name).then((a) => a.address, (e) => e.code); }),
        ...${JSON.stringify(bDatabase.ips)}.map(async (ip) => { out['tcp ' + ip] = await tcp(ip, 5432); }),
      ]);
      out.own = await dns.lookup('postgres').then((a) => a.address, (e) => e.code);
      return out;`;
    const a = await runner.run(hostileRequest(prelude));
    // B's database was up the whole time A probed it: otherwise the case proves nothing.
    expect(bFinished).toBe(false);
    const probe = probeOf(a.output) as Record<string, string>;
    expect(bDatabase.ips.length).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(probe)) {
      if (k.startsWith('dns ')) expect(v, k).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
      if (k.startsWith('tcp ')) expect(v, k).not.toBe('connected');
    }
    // Its own `postgres` is a different container from B's.
    expect(bDatabase.ips).not.toContain(probe.own);
    expect(a.status).toBe('completed');
    // B ends on its own (it may hit the run's time limit while holding back): either way, nothing of it is left.
    expect(['completed', 'timeout']).toContain((await bRun).status);
    expect(await leftovers({ runId: b.runId })).toBe(0);
  }, 240_000);

  it('fills the database disk: PostgreSQL fails inside its tmpfs cap (no volume, no host folder), and the run ends', async () => {
    // Uncompressed 16 MB values (storage external): the table and its WAL grow as fast as the server can write.
    const prelude = `await sql('CREATE TABLE junk (x text); ALTER TABLE junk ALTER COLUMN x SET STORAGE EXTERNAL');
      const started = Date.now(); let last = null; let batches = 0;
      while (Date.now() - started < 25_000) {
        const r = await sql("INSERT INTO junk SELECT repeat(md5(random()::text), 16 * 1024 * 1024 / 32)");
        if (typeof r === 'string') { last = r; break; }
        batches++;
      }
      return { batches, last };`;
    const req = hostileRequest(prelude);
    const running = runner.run(req);
    // Where the data goes: a size-capped tmpfs in a read-only container, never a volume or a host folder.
    const sidecar = await docker.getContainer((await waitForSidecar(req.runId, 'postgres', 60_000)).id).inspect();
    expect(sidecar.HostConfig.ReadonlyRootfs).toBe(true);
    expect(Object.values(sidecar.HostConfig.Tmpfs ?? {}).some((o) => /size=\d+/.test(o))).toBe(true);
    expect(sidecar.Mounts.filter((m) => m.Type !== 'tmpfs')).toEqual([]);
    const result = await running;
    const probe = probeOf(result.output) as { batches: number; last: string | null };
    // 53100 disk_full / "could not extend file", or the server going away when its WAL cannot be written.
    expect(String(probe.last), `after ${probe.batches} batches`).toMatch(/53100|No space left|could not extend|could not write|terminat|ECONNRESET|57P/);
    // The run ends (its service may no longer find a database to serve from) and says what PostgreSQL said.
    expect(['completed', 'error', 'timeout', 'not_ready']).toContain(result.status);
    expect(result.service_logs?.postgres ?? '', result.service_logs?.postgres).toMatch(/No space left|could not (extend|write)|PANIC|FATAL/);
  }, 180_000);

  it('exhausts the connection slots: the run ends cleanly and the next run is unaffected', async () => {
    const prelude = `const clients = []; let opened = 0; const errors = new Set();
      await Promise.all(Array.from({ length: 120 }, async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); c.on('error', () => {});
        try { await c.connect(); opened++; clients.push(c); } catch (e) { errors.add(e.code || e.message); }
      }));
      globalThis.keepOpen = clients; // held for the rest of the run, never closed
      return { opened, errors: [...errors] };`;
    const result = await runner.run(hostileRequest(prelude));
    const probe = probeOf(result.output) as { opened: number; errors: string[] };
    expect(probe.opened).toBeLessThan(120);
    expect(probe.errors.join(' ')).toMatch(/53300|too many|remaining connection slots/);
    // Its own honest code then finds no free connection: the run ends (at worst at its time limit), nothing hangs.
    expect(['completed', 'not_ready', 'error', 'timeout']).toContain(result.status);
  }, 180_000);
});

/** Waits for a run's sidecar container (by image name) and returns its names and addresses on every network. */
async function waitForSidecar(id: string, kind: string, timeoutMs: number): Promise<{ id: string; names: string[]; ips: string[] }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const containers = await docker.listContainers({ filters: { label: [`${SANDBOX_LABEL}=1`, `${RUN_ID_LABEL}=${id}`] } });
    const sidecar = containers.find((c) => c.Image.includes(kind));
    const networks = Object.values(sidecar?.NetworkSettings?.Networks ?? {});
    const ips = networks.map((n) => n.IPAddress).filter(Boolean);
    if (sidecar && ips.length) {
      const aliases = (await docker.getContainer(sidecar.Id).inspect()).NetworkSettings.Networks;
      const names = new Set([...sidecar.Names.map((n) => n.replace(/^\//, '')), sidecar.Id.slice(0, 12)]);
      for (const n of Object.values(aliases)) for (const a of n.Aliases ?? []) if (a !== kind) names.add(a);
      return { id: sidecar.Id, names: [...names], ips };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} never had a running ${kind} sidecar`);
}
