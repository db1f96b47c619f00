import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The supervisors baked into the runtime images (docker/supervisor), run here straight on the host: both must
// offer the same control API, since hidden suites cannot tell which one a runtime uses.
const SUPERVISORS = {
  node: [process.execPath, path.resolve(__dirname, '../../../docker/supervisor/node/supervisor.js')],
  python: ['python3', path.resolve(__dirname, '../../../docker/supervisor/python/supervisor.py')],
};

// A service that remembers how it was stopped: a SIGTERM handler writes a file, a kill -9 leaves no trace.
const SERVICE = `
const fs = require('node:fs');
require('node:http').createServer((q, s) => s.end(String(process.pid))).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => { fs.writeFileSync(process.env.DATA_DIR + '/graceful', 'yes'); process.exit(0); });
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let running: ChildProcess | undefined;
let scratch: string | undefined;
afterEach(async () => {
  // The service's SIGTERM handler writes into DATA_DIR on its way out: removing the folder before the supervisor
  // (and so its service) exited raced that write (ENOTEMPTY). Retries cover a grandchild still closing files.
  const child = running;
  running = undefined;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  if (scratch) await rm(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

async function startSupervisor(kind: keyof typeof SUPERVISORS) {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'supervisor-'));
  const dataDir = path.join(scratch, 'data');
  await writeFile(path.join(scratch, 'service.js'), SERVICE);
  const [port, controlPort] = [await freePort(), await freePort()];
  const [cmd, script] = SUPERVISORS[kind];
  running = spawn(cmd, [script, process.execPath, 'service.js'], {
    env: { ...process.env, PORT: String(port), CONTROL_PORT: String(controlPort), DATA_DIR: dataDir, WORKSPACE: scratch },
    stdio: 'ignore',
  });
  const control = `http://127.0.0.1:${controlPort}`;
  const service = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i += 1) {
    const up = await fetch(`${service}/`).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { control, service, dataDir };
}

const pidOf = async (service: string) => (await fetch(service, { headers: { connection: 'close' } })).text();

describe.each(Object.keys(SUPERVISORS) as (keyof typeof SUPERVISORS)[])('%s supervisor control endpoint', (kind) => {
  it('restarts with SIGTERM by default and with SIGKILL on ?signal=KILL, answering once the new process listens', async () => {
    const { control, service, dataDir } = await startSupervisor(kind);
    const first = await pidOf(service);
    expect((await fetch(`${control}/restart?signal=KILL`, { method: 'POST' })).status).toBe(200);
    const second = await pidOf(service);
    expect(second).not.toBe(first);
    await expect(readFile(path.join(dataDir, 'graceful'), 'utf8')).rejects.toThrow(); // no handler ran
    expect((await fetch(`${control}/restart`, { method: 'POST' })).status).toBe(200);
    expect(await pidOf(service)).not.toBe(second);
    expect(await readFile(path.join(dataDir, 'graceful'), 'utf8')).toBe('yes');
  });

  it('appends a torn tail to an existing file under DATA_DIR only, and sizes DATA_DIR', async () => {
    const { control, dataDir } = await startSupervisor(kind);
    await writeFile(path.join(dataDir, 'wal.log'), 'complete\n');
    const torn = Buffer.from([0x7b, 0x22, 0x00, 0xff]);
    const res = await fetch(`${control}/restart?signal=KILL&append=wal.log`, { method: 'POST', body: torn });
    expect(await res.json()).toEqual({ status: 'restarted', appended: 4 });
    expect(await readFile(path.join(dataDir, 'wal.log'))).toEqual(Buffer.concat([Buffer.from('complete\n'), torn]));
    for (const name of ['../escape.log', '/etc/passwd', 'missing.log']) {
      const refused = await fetch(`${control}/restart?signal=KILL&append=${encodeURIComponent(name)}`, { method: 'POST', body: torn });
      expect(((await refused.json()) as { appended: number }).appended, name).toBe(0);
    }
    expect(await fetch(`${control}/data-usage`).then((r) => r.json())).toEqual({ bytes: 13, files: 1 });
  });
});
