import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { serveClusterMetrics } from './metrics/cluster-metrics';

/**
 * Runs the API as `count` processes sharing one port (node:cluster hands connections out round-robin). The API
 * keeps no state in memory that another process needs: sessions, drafts and run events live in PostgreSQL and
 * Redis, and its periodic sweeps are safe to run in every process (compare-and-set, SKIP LOCKED). So one machine's
 * cores all serve requests, exactly as replicas behind a load balancer would. A process that dies is replaced.
 */
export function superviseApiProcesses(count: number, logger: Logger): void {
  let stopping = false;
  const fork = () => cluster.fork();
  const started = Date.now();
  for (let i = 0; i < count; i++) fork();
  serveClusterMetrics();

  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'API process died; starting another');
    // A process that dies at once on every start (a bad config, the port taken) must not spin the CPU.
    setTimeout(fork, Date.now() - started < 5_000 ? 1_000 : 0);
  });

  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(sig);
      setTimeout(() => process.exit(1), 15_000).unref();
    });
  }
  logger.info({ processes: count }, 'API supervising its processes');
}
