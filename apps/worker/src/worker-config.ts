import { env, parseEnv } from '@takehome/config';
import { z } from 'zod';

const workerEnv = z.object({
  NODE_ENV: env.nodeEnv(),
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
  REDIS_URL: env.url(['redis', 'rediss'], 'redis://127.0.0.1:56379'),
  LOG_LEVEL: env.logLevel(),
  // How many runs of each kind this process drives at once; scale out by adding processes or machines.
  // Gradings: unset, the number follows the host (more while CPU idles and memory has room, fewer when it is
  // saturated) between one per core and WORKER_GRADING_MAX_CONCURRENCY; set, it is fixed (the override).
  WORKER_GRADING_CONCURRENCY: z.coerce.number().int().positive().optional(),
  WORKER_GRADING_MAX_CONCURRENCY: z.coerce.number().int().positive().max(64).default(8),
  // The memory one more grading may need (two containers, usually far below their limits) before it is taken on.
  WORKER_RUN_MEMORY_MB: env.positiveInt(512),
  WORKER_PRACTICE_CONCURRENCY: env.positiveInt(2),
  // Suite verifications (minutes each) on their own queue; one at a time leaves the engine to candidates.
  WORKER_VERIFICATION_CONCURRENCY: env.positiveInt(1),
  // A crashed worker's job goes back to the queue after about this long without a lock renewal.
  WORKER_LOCK_MS: env.positiveInt(30_000),
  // How often the worker probes its own Docker engine (DOCKER_HOST). While it does not answer the worker takes
  // no jobs and hands its failed runs back to the queue, so workers on other engines run them.
  WORKER_ENGINE_PROBE_MS: env.positiveInt(2_000),
  WORKER_ID: z.string().min(1).optional(),
  // Serves Prometheus metrics on this port when set (one port per worker process on a machine).
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  // Candidates' workbench sessions (running service, terminal) this process holds at once, and when they stop.
  WORKER_WORKBENCH_SESSIONS: env.positiveInt(4),
  WORKBENCH_IDLE_SECONDS: env.positiveInt(300),
  WORKBENCH_MAX_MINUTES: env.positiveInt(60),
  // Defaults to one derived from the database name, exactly as the API does (see queuePrefix in @takehome/jobs).
  QUEUE_PREFIX: z.string().min(1).optional(),
});

export type WorkerConfig = z.infer<typeof workerEnv>;

export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv('worker', workerEnv, source);
}
