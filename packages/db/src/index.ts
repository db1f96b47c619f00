import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export * from './generated/client';
export { saveChallengeVersion, type ChallengeVersionInput } from './challenge-versions';

/** One Prisma client over a pg pool; callers own its lifetime and call $disconnect on shutdown. */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
export { createOrganization, OrganizationCreationError, slugify, type NewOrganization } from './organizations';
export { auditEventHash, type AuditChainResult, verifyAuditChain } from './audit-chain';
