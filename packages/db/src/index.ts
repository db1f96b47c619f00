import { PrismaPg } from '@prisma/adapter-pg';
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

/** One Prisma client over a pg pool; callers own its lifetime and call $disconnect on shutdown. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    ...(options.statementTimeoutMs
      ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 1_000 }
      : {}),
  });
  return new PrismaClient({ adapter });
}
export { createOrganization, OrganizationCreationError, slugify, type NewOrganization } from './organizations';
export { auditEventHash, type AuditChainResult, verifyAuditChain } from './audit-chain';
