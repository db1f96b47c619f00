import { env, parseEnv } from '@takehome/config';
import { loadChallenge, versionRecord } from '@takehome/challenge';
import { createPrismaClient, saveChallengeVersion } from '@takehome/db';
import { z } from 'zod';
import { CliError } from '../cli-error';

const cliEnv = z.object({
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
});

/** `assess challenge import`: stores the folder as a new immutable version, or finds the identical one. */
export async function importChallenge(dir: string, organizationSlug: string) {
  const pkg = await loadChallenge(dir);
  const { DATABASE_URL } = parseEnv('assess', cliEnv);
  const prisma = createPrismaClient(DATABASE_URL, { poolSize: 2 });
  try {
    const organization = await prisma.organization.findUnique({ where: { slug: organizationSlug } });
    if (!organization) throw new CliError(`no organization with slug "${organizationSlug}"`);
    const saved = await saveChallengeVersion(prisma, { organizationId: organization.id, ...versionRecord(pkg) });
    return { slug: pkg.manifest.slug, ...saved };
  } finally {
    await prisma.$disconnect();
  }
}
