import { env, parseEnv } from '@takehome/config';
import { type AuditChainResult, createPrismaClient, verifyAuditChain } from '@takehome/db';
import { z } from 'zod';
import { CliError } from '../cli-error';

const cliEnv = z.object({
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
});

/**
 * `assess audit verify`: recomputes an organization's audit hash chain from the rows, in this process (not
 * with the database's own functions), and names the first event that does not fit.
 */
export async function verifyAudit(organizationSlug: string): Promise<AuditChainResult> {
  const { DATABASE_URL } = parseEnv('assess', cliEnv);
  const prisma = createPrismaClient(DATABASE_URL, { poolSize: 2 });
  try {
    const organization = await prisma.organization.findUnique({ where: { slug: organizationSlug } });
    if (!organization) throw new CliError(`no organization with slug "${organizationSlug}"`);
    return await verifyAuditChain(prisma, organization.id);
  } finally {
    await prisma.$disconnect();
  }
}

export function describeAuditCheck(slug: string, result: AuditChainResult): string {
  if (result.ok) return `audit trail of ${slug}: ${result.checked} events checked, chain intact`;
  const { id, sequence, problem } = result.broken!;
  return `audit trail of ${slug}: BROKEN at event ${id} (sequence ${sequence}): ${problem}; ${result.checked} events checked`;
}
