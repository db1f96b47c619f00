import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Everything the fault suite starts; `stopAll` kills each by its own pid, never by name. */
const started = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];

export function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

export async function stopAll(): Promise<void> {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      fn();
    } catch {
      // Best effort: the next clean-up still runs.
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value as T;
    } catch (error) {
      last = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/**
 * A folder the `postgres` user can enter (the checkout and mktemp folders may be mode 700, see
 * docs in scripts/services.sh), removed at the end.
 */
export function scratchDir(name: string): string {
  const base = '/var/lib/takehome-faults';
  mkdirSync(base, { recursive: true, mode: 0o755 });
  execFileSync('chmod', ['755', base]);
  const dir = path.join(base, `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  onCleanup(() => {
    rmSync(dir, { recursive: true, force: true });
    // The shared parent goes too once no run of the suite uses it.
    if (readdirSync(base).length === 0) rmdirSync(base);
  });
  return dir;
}
