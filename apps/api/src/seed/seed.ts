import { hash } from '@node-rs/argon2';
import { BUILT_IN_CHALLENGES_DIR, loadChallenge, loadChallengeLibrary, versionRecord } from '@takehome/challenge';
import { saveChallengeVersion } from '@takehome/db';
import path from 'node:path';
import { exitOnConfigError } from '@takehome/config';
import { createPrismaClient, type PrismaClient } from '@takehome/db';
import { loadApiConfig } from '../config/api-config';
import { seedDemoCandidate } from './demo-candidate';
import { seedDemoPilot } from './demo-pilot';
import { DEMO_PASSWORD, demoOrganization, demoUsers } from './demo-data';

/** Imports every folder of the built-in library; unchanged challenges keep their version (content hash). */
export async function importBuiltInChallenges(prisma: PrismaClient, organizationId: string, dir = BUILT_IN_CHALLENGES_DIR) {
  const imported = [];
  for (const pkg of await loadChallengeLibrary(dir)) {
    const version = await saveChallengeVersion(prisma, { organizationId, ...versionRecord(pkg) });
    imported.push({ slug: pkg.manifest.slug, ...version });
  }
  return imported;
}

/** Idempotent: running it again updates the demo rows in place and creates nothing twice. */
export async function seedDemo(prisma: PrismaClient) {
  const org = await prisma.organization.upsert({
    where: { slug: demoOrganization.slug },
    update: { name: demoOrganization.name },
    create: demoOrganization,
  });
  const passwordHash = await hash(DEMO_PASSWORD);
  for (const user of demoUsers) {
    await prisma.user.upsert({
      where: { email: user.email },
      update: { name: user.name, role: user.role, organizationId: org.id },
      create: { ...user, passwordHash, organizationId: org.id },
    });
  }
  return { organization: org, challenges: await importBuiltInChallenges(prisma, org.id) };
}

async function main() {
  const config = exitOnConfigError(() => loadApiConfig());
  const prisma = createPrismaClient(config.DATABASE_URL);
  try {
    const { organization, challenges } = await seedDemo(prisma);
    console.log(`seed: demo organization "${demoOrganization.name}" with ${demoUsers.length} users`);
    for (const c of challenges) {
      console.log(`seed: challenge ${c.slug} v${c.version}${c.created ? ' (new version)' : ' (unchanged)'}`);
    }
    const urlShortener = challenges.find((c) => c.slug === 'url-shortener');
    if (urlShortener && process.argv.includes('--demo-candidate')) {
      const link = await seedDemoCandidate(prisma, organization.id, urlShortener.id, config.PUBLIC_URL);
      console.log(`seed: demo candidate link ${link}`);
      const pkg = await loadChallenge(path.join(BUILT_IN_CHALLENGES_DIR, 'url-shortener'));
      if (await seedDemoPilot(prisma, organization.id, urlShortener.id, pkg)) {
        console.log('seed: demo pilot with three teammates (its grading runs start a minute after the platform is up)');
      }
    }
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`seed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
