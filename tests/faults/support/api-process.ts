import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { track, waitFor } from './processes';

const API_MAIN = path.resolve(__dirname, '../../../apps/api/dist/main.js');

/** The real, built API as a child process on a fixed port, so a restarted one answers at the same address. */
export class ApiProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  logs() {
    return this.output;
  }

  async start(): Promise<void> {
    const child = track(
      spawn(process.execPath, [API_MAIN], {
        env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child = child;
    await waitFor('API listening', async () => {
      if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${this.output.slice(-3000)}`);
      const res = await fetch(`${this.baseUrl}/health`);
      return res.status > 0;
    }, 60_000);
  }

  /** kill -9: no shutdown hook runs, in-flight requests are cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
