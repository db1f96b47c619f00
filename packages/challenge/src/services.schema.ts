import { z } from 'zod';

// Sidecars a challenge may declare under `services:` (issue 20, /work/notes/sidecar-contract.md). Only versions
// an offline image exists for (docker/sidecars/rootfs.sh builds them from Debian 12's packages).
export const POSTGRES_VERSIONS = ['15'] as const;
export const REDIS_VERSIONS = ['7'] as const;

// Extensions shipped in Debian's postgresql-15 (contrib) that need no preload and no superuser at run time.
export const POSTGRES_EXTENSIONS = [
  'pgcrypto', 'uuid-ossp', 'citext', 'hstore', 'pg_trgm', 'btree_gin', 'btree_gist', 'ltree', 'intarray',
  'fuzzystrmatch', 'unaccent', 'cube', 'earthdistance', 'tablefunc', 'tsm_system_rows',
] as const;

// YAML reads `version: 15` as a number; both spellings mean the same image.
const version = <T extends readonly [string, ...string[]]>(versions: T, what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .pipe(z.enum(versions, { message: `${what} ${versions.join(', ')} only (the versions an offline image exists for)` }));

export const postgresServiceSchema = z.strictObject({
  version: version(POSTGRES_VERSIONS, 'PostgreSQL'),
  extensions: z
    .array(z.enum(POSTGRES_EXTENSIONS, { message: `must be one of ${POSTGRES_EXTENSIONS.join(', ')}` }))
    .refine((e) => new Set(e).size === e.length, 'must not repeat an extension')
    .optional(),
  // A file of the package, run as superuser in database `app` before the candidate's service starts.
  init: z
    .string()
    .min(1)
    .refine((p) => p.startsWith('services/') && !p.split('/').includes('..'), 'must be a file under services/, e.g. services/init.sql')
    .optional(),
  // read-only: the test runner gets TEST_DATABASE_URL as role tests_ro (SELECT on app's tables).
  testAccess: z.enum(['none', 'read-only']).optional(),
});
export type PostgresService = z.infer<typeof postgresServiceSchema>;

export const redisServiceSchema = z.strictObject({
  version: version(REDIS_VERSIONS, 'Redis'),
});
export type RedisService = z.infer<typeof redisServiceSchema>;

export const servicesSchema = z.strictObject({
  postgres: postgresServiceSchema.optional(),
  redis: redisServiceSchema.optional(),
});
export type ChallengeServices = z.infer<typeof servicesSchema>;
