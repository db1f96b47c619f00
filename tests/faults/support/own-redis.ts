import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, scratchDir, track, waitFor } from './processes';

/**
 * A Redis of the fault suite's own on a free port. Append-only persistence, as a production Redis behind a
 * queue runs: a restart keeps the queued jobs, and the suite checks nothing is graded twice for it.
 */
export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const dir = scratchDir('redis');
  const port = await freePort();
  let child: ReturnType<typeof spawn> | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = track(
      spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'no'], {
        stdio: 'ignore',
      }),
    );
    await waitFor('own Redis', async () => {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
      probe.on('error', () => {});
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    });
  };
  await start();
  return {
    url,
    async stop() {
      const c = child!;
      if (c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
    start,
  };
}
