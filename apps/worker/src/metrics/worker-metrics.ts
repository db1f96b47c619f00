import type { RunKind } from '@takehome/contracts';
import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** What the run executor reports as runs finish; a no-op where nobody scrapes (tests, the CLI). */
export interface RunMetrics {
  runFinished(kind: RunKind, outcome: string, queuedAt: Date): void;
}

export const noRunMetrics: RunMetrics = { runFinished: () => undefined };

// Runs take seconds to minutes: the buckets span a practice run's few seconds to a burst's long queue.
const RUN_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

/** Prometheus metrics of one worker process: how long runs waited, how long they took, how they ended. */
export class WorkerMetrics implements RunMetrics {
  readonly registry = new Registry();

  private readonly queueWait = new Histogram({
    name: 'takehome_run_queue_wait_seconds',
    help: 'From a job being queued (or re-queued) to a worker starting it, per queue',
    labelNames: ['queue'] as const,
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });

  private readonly turnaround = new Histogram({
    name: 'takehome_run_turnaround_seconds',
    help: 'From the run being created (submit or practice click) to its result being stored, per kind',
    labelNames: ['kind'] as const,
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });

  private readonly outcomes = new Counter({
    name: 'takehome_runs_finished_total',
    help: 'Runs whose result this worker stored, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'takehome_worker_' });
  }

  jobStarted(queue: string, queuedAt: number, startedAt: number): void {
    this.queueWait.observe({ queue }, Math.max(0, startedAt - queuedAt) / 1000);
  }

  runFinished(kind: RunKind, outcome: string, queuedAt: Date): void {
    this.outcomes.inc({ kind, outcome });
    this.turnaround.observe({ kind }, Math.max(0, Date.now() - queuedAt.getTime()) / 1000);
  }

  /**
   * Serves GET /metrics on its own port (WORKER_METRICS_PORT): a worker has no HTTP server otherwise, and the
   * port should be reachable only from the scraper's network, never published.
   */
  serve(port: number, host: string): Server {
    return createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') return res.writeHead(404).end();
      this.registry.metrics().then(
        (body) => res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    }).listen(port, host);
  }
}
