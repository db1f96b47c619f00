import { env, parseEnv } from '@takehome/config';
import path from 'node:path';
import { z } from 'zod';

const apiEnv = z.object({
  NODE_ENV: env.nodeEnv(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: env.port(3000),
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
  DATABASE_POOL_SIZE: env.positiveInt(10),
  REDIS_URL: env.url(['redis', 'rediss'], 'redis://127.0.0.1:56379'),
  // Namespaces the API's own Redis keys (counters, throttles), so test runs never see each other's state.
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.:-]*$/).default('takehome:'),
  // Defaults to one derived from the database name (see queuePrefix in @takehome/jobs).
  QUEUE_PREFIX: z.string().min(1).optional(),
  // Runs still QUEUED this long after they were stored are queued again (their job may never have reached
  // Redis); checked every RUN_REQUEUE_INTERVAL_MS, 0 turns the sweep off.
  RUN_REQUEUE_AFTER_MS: env.positiveInt(60_000),
  RUN_REQUEUE_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  // Stored grades waiting in the announcement outbox are delivered as "submission.graded" this often (and
  // once at start, for results stored while no API ran); 0 turns the poller off.
  RUN_ANNOUNCE_INTERVAL_MS: z.coerce.number().int().min(0).default(1_000),
  // Webhook deliveries are retried with exponential backoff from this base, up to this many attempts.
  WEBHOOK_RETRY_BASE_MS: env.positiveInt(5_000),
  WEBHOOK_MAX_ATTEMPTS: env.positiveInt(8),
  // Off in production: a webhook must not become a way to call into the platform's own network.
  WEBHOOK_ALLOW_INTERNAL_TARGETS: z.stringbool().default(false),
  // Empty means dockerode's own default: DOCKER_HOST or the local socket.
  DOCKER_HOST: z.string().optional(),
  // Where health learns the Docker engine's state: "local" pings the engine this process reaches (one host,
  // development); "workers" reads what live workers report in their heartbeats (compose, where only the
  // workers hold the socket).
  HEALTH_DOCKER: z.enum(['local', 'workers']).default('local'),
  LOG_LEVEL: env.logLevel(),
  // Where the built web app lives; served by the API in production so one port serves everything.
  WEB_DIST: z.string().default(path.resolve(__dirname, '../../../web/dist')),
  PUBLIC_URL: env.url(['http', 'https'], 'http://127.0.0.1:3000'),
  // Outgoing mail (feedback notices). Unset: messages are written as .eml files under MAIL_DIR instead of sent,
  // so a local run never needs a mail server and nothing leaves the machine.
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^smtps?:\/\/./.test(v), 'must be a URL starting with smtp:// or smtps://'),
  MAIL_FROM: z.string().min(3).default('Takehome <no-reply@takehome.local>'),
  MAIL_DIR: z.string().default(path.resolve(__dirname, '../../../../.data/mail')),
});

export type ApiConfig = z.infer<typeof apiEnv>;

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv('api', apiEnv, source);
}
