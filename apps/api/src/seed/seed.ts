import { hash } from '@node-rs/argon2';
import { exitOnConfigError } from '@takehome/config';
import { createPrismaClient, type PrismaClient } from '@takehome/db';
import { loadApiConfig } from '../config/api-config';
import { DEMO_PASSWORD, demoOrganization, demoUsers } from './demo-data';

/** Idempotent: running it again updates the demo rows in place and creates nothing twice. */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
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
}

async function main() {
  const config = exitOnConfigError(() => loadApiConfig());
  const prisma = createPrismaClient(config.DATABASE_URL);
  try {
    await seedDemo(prisma);
    console.log(`seed: demo organization "${demoOrganization.name}" with ${demoUsers.length} users`);
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
