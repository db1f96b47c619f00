import { WORKER_HEARTBEAT_PREFIX, WORKER_HEARTBEAT_TTL_SECONDS } from '@takehome/jobs';
import type { Redis } from 'ioredis';

/** Keeps a self-expiring key alive in Redis so the API's health report can count live workers. */
export function startHeartbeat(redis: Redis, workerId: string, details: Record<string, unknown>): () => Promise<void> {
  const key = `${WORKER_HEARTBEAT_PREFIX}${workerId}`;
  const beat = () =>
    redis.set(key, JSON.stringify({ ...details, at: new Date().toISOString() }), 'EX', WORKER_HEARTBEAT_TTL_SECONDS).catch(() => {});
  void beat();
  const timer = setInterval(beat, (WORKER_HEARTBEAT_TTL_SECONDS * 1000) / 3);
  return async () => {
    clearInterval(timer);
    await redis.del(key).catch(() => {});
  };
}
