import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

export * from './generated/client';
export { saveChallengeVersion, type ChallengeVersionInput } from './challenge-versions';

export interface PrismaClientOptions {
  poolSize?: number;
  /** How long to wait for a connection; pg waits forever by default, which turns a database outage into hangs. */
  connectTimeoutMs?: number;
  /** Server-side limit per statement (plus a client-side one a second later, for a server that stopped answering). */
  statementTimeoutMs?: number;
}

export const TRANSACTION_MAX_WAIT_MS = 10_000;
export const TRANSACTION_TIMEOUT_MS = 15_000;
/** How long a pooled connection (and the statements it prepared) lives; see createDatabase. */
const CONNECTION_LIFETIME_SECONDS = 600;

/**
 * Queries with more parameters than this stay unnamed: a bulk insert or an `IN` list has a new text for every
 * length, and naming those would let each connection's set of prepared statements grow without bound.
 */
export const MAX_NAMED_STATEMENT_PARAMETERS = 32;

/**
 * The name pg prepares a query under, so each connection parses and plans a query once and afterwards only binds
 * and executes it. Measured on the autosave (two statements a save), PostgreSQL's CPU per save fell from about
 * 2 ms to under 1 ms. A query without parameters stays unnamed: pg sends it as a simple query, which may hold
 * several statements (a prepared one may not).
 */
export function statementName(query: { sql: string; args: unknown[] }): string {
  if (query.args.length === 0 || query.args.length > MAX_NAMED_STATEMENT_PARAMETERS) return '';
  return `th_${createHash('sha1').update(query.sql).digest('base64url')}`;
}

/** The Prisma client and the pg pool under it; $disconnect ends both. */
export interface Database {
  prisma: PrismaClient;
  /** For the few statements measured to be worth skipping Prisma's per-query work (see the API's PrismaService). */
  pool: pg.Pool;
}

/** One Prisma client over a pg pool; callers own its lifetime and call $disconnect on shutdown. */
export function createDatabase(databaseUrl: string, options: PrismaClientOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    // Timestamps are stored as UTC in columns without a time zone, and now() and column defaults convert with the
    // session's zone: every session is UTC, whatever the server's default.
    options: '-c TimeZone=UTC',
    // Prepared statements live as long as their connection. A migration that changes a column's type makes a
    // statement returning it fail ("cached plan must not change result type") until the connection is replaced,
    // so connections are replaced every few minutes; that also bounds the statements each one holds.
    maxLifetimeSeconds: CONNECTION_LIFETIME_SECONDS,
    ...(options.statementTimeoutMs
      ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 1_000 }
      : {}),
  });
  // An idle connection the server closes (a restart) is dropped by the pool. Prisma listens for that only once it
  // has connected; before, an unheard 'error' event would end the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { statementNameGenerator: statementName, disposeExternalPool: true });
  const prisma = new PrismaClient({
    adapter,
    // Prisma's defaults (2 s to get a connection, 5 s in all) turn a burst (50 candidates submitting at their
    // deadline, each submit serialized behind the organization's reviewer-assignment lock) into errors; a
    // transaction that waits a few seconds longer is what the candidate wants. One that still finds no free
    // connection is answered 503 (try again; see the API's unavailable-errors.ts).
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  return { prisma, pool };
}

export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  return createDatabase(databaseUrl, options).prisma;
}
export { createOrganization, OrganizationCreationError, slugify, type NewOrganization } from './organizations';
export { auditEventHash, type AuditChainResult, verifyAuditChain } from './audit-chain';
