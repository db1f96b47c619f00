import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OperatorQueues } from './operator-queues';
import { joinClusterMetrics, readMetrics } from './cluster-metrics';

/** The routes whose latency is the candidate's autosave (the editor saves one file per request). */
export const AUTOSAVE_ROUTE = 'PUT /api/candidate/files';

// Latency buckets around what people notice: a save under 50 ms is invisible, over a second is felt.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one API process (each replica serves its own; Prometheus sums them). Queue depth is
 * read from Redis at scrape time, so every replica reports the same shared queues.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'takehome_http_request_duration_seconds',
    help: 'API request latency by route pattern, method and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly autosaveDuration = new Histogram({
    name: 'takehome_autosave_duration_seconds',
    help: 'Server time of one candidate autosave (PUT /api/candidate/files), by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(queues: OperatorQueues) {
    collectDefaultMetrics({ register: this.registry, prefix: 'takehome_api_' });
    joinClusterMetrics(this.registry);
    new Gauge({
      name: 'takehome_api_processes',
      help: 'API processes answering (summed over the processes of a cluster)',
      registers: [this.registry],
      collect() {
        this.set(1);
      },
    });
    new Gauge({
      name: 'takehome_queue_jobs',
      help: 'Jobs in each run queue by state (waiting includes prioritized)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      // Every API process reads the same shared queues: report one reading, not their sum.
      aggregator: 'first',
      async collect() {
        for (const { name, counts } of await queues.counts()) {
          for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
        }
      },
    });
  }

  /** The text a scrape returns: every API process's figures when there are several. */
  text(): Promise<string> {
    return readMetrics(this.registry);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
    if (`${method} ${route}` === AUTOSAVE_ROUTE) {
      this.autosaveDuration.observe({ outcome: status < 400 ? 'saved' : status < 500 ? 'refused' : 'failed' }, seconds);
    }
  }
}
