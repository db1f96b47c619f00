import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'takehome:metrics-request';
const RESPONSE = 'takehome:metrics-response';

/**
 * With API_PROCESSES > 1 a scrape reaches one process at random; these let that process answer for all of them.
 * The process asks the supervisor, which gathers every process's registry (prom-client's AggregatorRegistry:
 * counters and histograms summed, gauges by their own `aggregator`).
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (body) => worker.send({ type: RESPONSE, id: message.id, body }),
      (error: Error) => worker.send({ type: RESPONSE, id: message.id, error: error.message }),
    );
  });
}

/** This process's metrics, or all processes' when it is one of several (see serveClusterMetrics). */
export function readMetrics(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the API supervisor did not answer for metrics within 5 s')), 5_000);
    const onMessage = (message: { type?: string; id?: string; body?: string; error?: string }) => {
      if (message?.type === RESPONSE && message.id === id) done(message.error ? new Error(message.error) : undefined, message.body);
    };
    const done = (error?: Error, body?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (error) reject(error);
      else resolve(body ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** Registers this process's registry for the supervisor's gathering (a no-op outside a cluster). */
export function joinClusterMetrics(registry: Registry): void {
  if (!cluster.isWorker) return;
  // Constructing one is what makes prom-client answer the supervisor's requests in this process.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}
