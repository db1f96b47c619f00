import { hash } from '@node-rs/argon2';
import { createPrismaClient, type PrismaClient, type UserRole } from '@takehome/db';
import { randomUUID } from 'node:crypto';

/** Small factories with unique values, so no two tests share a row by accident. */
export class Factories {
  readonly prisma: PrismaClient;

  constructor(databaseUrl: string) {
    this.prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  }

  organization(name = 'Org') {
    const suffix = randomUUID().slice(0, 8);
    return this.prisma.organization.create({ data: { slug: `org-${suffix}`, name: `${name} ${suffix}` } });
  }

  async user(organizationId: string, role: UserRole, password = 'correct horse battery') {
    const suffix = randomUUID().slice(0, 8);
    const user = await this.prisma.user.create({
      data: {
        organizationId,
        role,
        email: `${role.toLowerCase()}-${suffix}@example.test`,
        name: `${role} ${suffix}`,
        passwordHash: await hash(password),
      },
    });
    return { ...user, password };
  }

  close() {
    return this.prisma.$disconnect();
  }
}

/** Signs in over HTTP and returns the Cookie header value to send with later requests. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
