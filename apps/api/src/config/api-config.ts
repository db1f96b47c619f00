import { env, parseEnv } from '@takehome/config';
import path from 'node:path';
import { z } from 'zod';

const apiEnv = z.object({
  NODE_ENV: env.nodeEnv(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: env.port(3000),
  // How many processes serve the API on this machine (one port, node:cluster); about one per core it may use.
  API_PROCESSES: env.positiveInt(1),
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
  DATABASE_POOL_SIZE: env.positiveInt(10),
  // While PostgreSQL is down or stuck, requests answer 503 after these instead of hanging.
  DATABASE_CONNECT_TIMEOUT_MS: env.positiveInt(3_000),
  DATABASE_STATEMENT_TIMEOUT_MS: env.positiveInt(30_000),
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
  // Attempts past their deadline and grace but still in progress (their auto-submit job was lost to an outage)
  // are submitted by a sweep at start-up and every this many ms; 0 turns the periodic sweep off.
  DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  // How often finished candidates past their organization's retention period are erased; 0 turns it off.
  RETENTION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  // Webhook deliveries are retried with exponential backoff from this base, up to this many attempts.
  WEBHOOK_RETRY_BASE_MS: env.positiveInt(5_000),
  WEBHOOK_MAX_ATTEMPTS: env.positiveInt(8),
  // Off in production: a webhook must not become a way to call into the platform's own network.
  WEBHOOK_ALLOW_INTERNAL_TARGETS: z.stringbool().default(false),
  // Bearer token a Prometheus scraper presents at /metrics (admins may also read it signed in); at least 24 characters.
  METRICS_TOKEN: z.string().min(24).optional(),
  // Empty means dockerode's own default: DOCKER_HOST or the local socket.
  DOCKER_HOST: z.string().optional(),
  // Where health learns the Docker engine's state: "local" pings the engine this process reaches (one host,
  // development); "workers" reads what live workers report in their heartbeats (compose, where only the
  // workers hold the socket).
  HEALTH_DOCKER: z.enum(['local', 'workers']).default('local'),
  // Folders whose disk /health watches (comma-separated): everything this install writes to on this host, such
  // as the mail folder and, where PostgreSQL shares the machine, its data directory. Unset: MAIL_DIR alone.
  HEALTH_DISK_PATHS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((p) => p.trim()).filter(Boolean) : undefined)),
  // Below this much free space on any of them, /health reports the disk as down (503) before writes start failing.
  HEALTH_DISK_MIN_FREE_MB: z.coerce.number().int().min(0).default(256),
  LOG_LEVEL: env.logLevel(),
  // Where the built web app lives; served by the API in production so one port serves everything.
  WEB_DIST: z.string().default(path.resolve(__dirname, '../../../web/dist')),
  PUBLIC_URL: env.url(['http', 'https'], 'http://127.0.0.1:3000'),
  // Which peers may set X-Forwarded-For / -Proto (Express's "trust proxy"): "none" (the default: the API
  // faces clients itself, as in docker/compose.yaml), "loopback", a hop count, or comma-separated addresses
  // and CIDRs of the reverse proxies. Login throttling and rate limits key on the address this yields.
  TRUST_PROXY: z
    .string()
    .default('none')
    .transform((v): boolean | number | string[] => (v === 'none' || v === 'false' || v === '' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim()))),
  // Swagger UI at /api/docs and the document at /api/docs-json. Default: on, except in production.
  API_DOCS_ENABLED: z.stringbool().optional(),
  // Serve the web app's .map files (only present when the web build ran with WEB_SOURCE_MAPS=true).
  WEB_SOURCE_MAPS: z.stringbool().default(false),
  // Scales every per-minute rate limit (perimeter/rate-limits.ts); suites that sign in a lot raise it.
  RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
  // Outgoing mail (feedback notices). Unset: messages are written as .eml files under MAIL_DIR instead of sent,
  // so a local run never needs a mail server and nothing leaves the machine.
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^smtps?:\/\/./.test(v), 'must be a URL starting with smtp:// or smtps://'),
  MAIL_FROM: z.string().min(3).default('Takehome <no-reply@takehome.local>'),
  MAIL_DIR: z.string().default(path.resolve(__dirname, '../../../../.data/mail')),
  // Encrypts stored third-party secrets (an organization's OIDC client secret): 32 bytes, base64 or hex.
  // Unset: everything works except saving such a secret, which is refused with a message naming this variable.
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || decodeEncryptionKey(v) !== null, 'must be 32 bytes, written as 64 hex digits or 44 base64 characters'),
  // The server fetches each organization's OIDC issuer (discovery, keys, tokens). Over plain http a network
  // attacker could swap the keys that sign ID tokens and sign anyone in, so production refuses http issuers
  // unless this is set (a provider on a trusted private network or on loopback, as in the browser tests).
  OIDC_ALLOW_INSECURE_ISSUERS: z.stringbool().default(false),
});

/** The 32-byte key from its hex or base64 spelling, or null when it is neither. */
export function decodeEncryptionKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    return key.length === 32 ? key : null;
  }
  return null;
}

export type ApiConfig = z.infer<typeof apiEnv>;

export const apiDocsEnabled = (config: ApiConfig) => config.API_DOCS_ENABLED ?? config.NODE_ENV !== 'production';

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(source: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv('api', apiEnv, source);
}
