import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const WORKER_MAIN = path.resolve(__dirname, '../../apps/worker/dist/main.js');

export interface WorkerProcess {
  process: ChildProcess;
  /** Everything the worker printed so far (JSON log lines). */
  logs(): string;
  /** SIGTERM and wait: the worker finishes its active runs first. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, as far as the queue can tell. */
  kill(): Promise<void>;
}

/**
 * Starts the real worker process (the built apps/worker) against the given database and Redis, and resolves
 * once it logs "worker ready". Queues are derived from the database name, so a test's worker only ever takes
 * that test's jobs.
 */
export async function startWorker(env: Record<string, string | undefined>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', WORKER_GRADING_CONCURRENCY: '1', WORKER_PRACTICE_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready within 30 s:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('"worker ready"')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    process: child,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
