import { z } from 'zod';

/**
 * The sidecar services a challenge may give the candidate's service (challenge.yaml `services:`), described the
 * one way the landing page, the workspace and the API say them: "PostgreSQL 15 — DATABASE_URL". The sandbox
 * owns the real values (hostnames, ports, the per-run password); this file only names them for people.
 */
export const SERVICE_OFFERINGS = {
  postgres: {
    product: 'PostgreSQL',
    host: 'postgres',
    port: 5432,
    /** The first is the one to use; the libpq variables are there for drivers that read them instead. */
    env: ['DATABASE_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'],
    what: 'A database of your own named app, which your service owns: create tables and run migrations as you need. It starts empty for every run.',
  },
  redis: {
    product: 'Redis',
    host: 'redis',
    port: 6379,
    env: ['REDIS_URL'],
    what: 'An empty Redis of your own for every run.',
  },
} as const;
export type ServiceKind = keyof typeof SERVICE_OFFERINGS;

/** One service as the candidate is told about it. */
export const challengeService = z.object({
  kind: z.enum(['postgres', 'redis']),
  version: z.string(),
  /** "PostgreSQL 15" */
  title: z.string(),
  /** Environment variables the service gets, the connection URL first. */
  env: z.array(z.string()),
  host: z.string(),
  port: z.number().int(),
  what: z.string(),
  /** The tests may read (never change) what the service stored in the database. */
  testsReadData: z.boolean(),
});
export type ChallengeService = z.infer<typeof challengeService>;

// The stored manifest's `services` as far as people are told about them. Lenient on purpose: the challenge format
// (packages/challenge) is the strict validator; a version stored before or after a change shows what it can.
const storedServices = z
  .object({
    postgres: z.object({ version: z.coerce.string(), testAccess: z.string().optional() }).loose().optional(),
    redis: z.object({ version: z.coerce.string() }).loose().optional(),
  })
  .loose();

/** The services of a stored or parsed challenge manifest, in a fixed order (database first); none when it declares none. */
export function challengeServices(manifest: unknown): ChallengeService[] {
  const raw = manifest && typeof manifest === 'object' ? (manifest as { services?: unknown }).services : undefined;
  const parsed = storedServices.safeParse(raw ?? {});
  if (!parsed.success) return [];
  const out: ChallengeService[] = [];
  for (const kind of ['postgres', 'redis'] as const) {
    const declared = parsed.data[kind];
    if (!declared) continue;
    const o = SERVICE_OFFERINGS[kind];
    out.push({
      kind,
      version: declared.version,
      title: `${o.product} ${declared.version}`,
      env: [...o.env],
      host: o.host,
      port: o.port,
      what: o.what,
      testsReadData: kind === 'postgres' && (declared as { testAccess?: string }).testAccess === 'read-only',
    });
  }
  return out;
}

/** "PostgreSQL 15 — DATABASE_URL": the one-line form, for headers and plain text. */
export function describeService(s: Pick<ChallengeService, 'title' | 'env'>): string {
  return `${s.title} — ${s.env[0]}`;
}

/** The sentence under the list: where the services live, said once for all of them. */
export function servicesReachNote(services: Pick<ChallengeService, 'title' | 'host' | 'port'>[]): string {
  if (services.length === 0) return '';
  const where = services.map((s) => `${s.title} at ${s.host}:${s.port}`).join(', ');
  return `Read the connection settings from the environment variables; never hard-code them (the password changes with every run). They point to ${where}, reachable only from your service inside the sandbox.`;
}

/** A sidecar log's heading, the same for the candidate and the reviewer ("Service logs: PostgreSQL"); an unknown
 *  sidecar keeps its own name. */
export function serviceLogTitle(name: string): string {
  return `Service logs: ${(SERVICE_OFFERINGS as Record<string, { product: string }>)[name]?.product ?? name}`;
}

/** What a sidecar log that holds nothing says. */
export const EMPTY_SERVICE_LOG = 'It printed nothing.';

/** Sidecar logs in the order the services are listed (database first), whatever order they were stored in. */
export function inServiceOrder<T extends { name: string }>(logs: T[]): T[] {
  const rank = (n: string) => { const i = Object.keys(SERVICE_OFFERINGS).indexOf(n); return i < 0 ? 99 : i; };
  return [...logs].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
