import { WORKER_HEARTBEAT_PREFIX, WORKER_HEARTBEAT_TTL_SECONDS, type WorkerHeartbeat } from '@takehome/jobs';
import type { Redis } from 'ioredis';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * Keeps a self-expiring key alive in Redis so the API's health report can count live workers, with the state
 * of this worker's Docker engine (probed at each beat) for a health report that has no engine of its own.
 */
export function startHeartbeat(redis: Redis, workerId: string, details: Record<string, unknown>, pingEngine: () => Promise<unknown>): () => Promise<void> {
  const key = `${WORKER_HEARTBEAT_PREFIX}${workerId}`;
  const beat = async () => {
    const body: WorkerHeartbeat & Record<string, unknown> = { ...details, at: new Date().toISOString(), docker: await probe(pingEngine) };
    await redis.set(key, JSON.stringify(body), 'EX', WORKER_HEARTBEAT_TTL_SECONDS).catch(() => {});
  };
  void beat();
  const timer = setInterval(() => void beat(), (WORKER_HEARTBEAT_TTL_SECONDS * 1000) / 3);
  return async () => {
    clearInterval(timer);
    await redis.del(key).catch(() => {});
  };
}

async function probe(ping: () => Promise<unknown>): Promise<NonNullable<WorkerHeartbeat['docker']>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([ping(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)))]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message.split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}
