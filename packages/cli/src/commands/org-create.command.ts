import { env, parseEnv } from '@takehome/config';
import { loadChallengeLibrary, versionRecord } from '@takehome/challenge';
import { createOrganization, createPrismaClient, OrganizationCreationError, saveChallengeVersion } from '@takehome/db';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CliError } from '../cli-error';

const cliEnv = z.object({
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://takehome:takehome@127.0.0.1:55432/takehome'),
  PUBLIC_URL: env.url(['http', 'https'], 'http://127.0.0.1:3000'),
});

// The same link the API's "forgot password" sends, with the same lifetime as an invitation: the admin of a
// headless install may open it a few days later.
const SET_PASSWORD_TTL_MS = 7 * 24 * 3600 * 1000;

const options = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(80),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })),
  adminName: z.string().trim().min(1).max(120).optional(),
});

/**
 * `assess org create`: an organization and its first admin for a headless install. The password is never taken
 * on the command line (it would stay in the shell history and the process list): the admin gets a one-time link
 * to the web app's set-password page instead, backed by the same AccountToken mechanism as a password reset.
 */
export async function createOrganizationCommand(raw: { name: string; adminEmail: string; adminName?: string }) {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${issue.message}`);
  }
  const input = parsed.data;
  const { DATABASE_URL, PUBLIC_URL } = parseEnv('assess', cliEnv);
  const prisma = createPrismaClient(DATABASE_URL, { poolSize: 2 });
  // Same as apps/api/src/common/tokens.ts: 256 random bits, stored only as their SHA-256.
  const token = randomBytes(32).toString('base64url');
  try {
    const { organization, admin } = await createOrganization(prisma, {
      name: input.name,
      onlyIfFirst: false,
      // No password matches an empty hash: the admin signs in only after choosing one through the link.
      admin: { email: input.adminEmail, name: input.adminName ?? input.adminEmail.split('@')[0], passwordHash: '' },
      setPasswordToken: { tokenHash: createHash('sha256').update(token).digest('hex'), expiresAt: new Date(Date.now() + SET_PASSWORD_TTL_MS) },
    });
    await prisma.auditEvent.create({
      data: {
        organizationId: organization.id, actorId: null, action: 'organization.created', subjectType: 'Organization', subjectId: organization.id,
        data: { via: 'cli', slug: organization.slug },
        // Erasable, apart from the hash-chained fields (see the audit trail in the README).
        personal: { email: admin.email },
      },
    });
    // Like first-run set-up: the organization starts with the built-in challenge library.
    for (const pkg of await loadChallengeLibrary()) {
      await saveChallengeVersion(prisma, { organizationId: organization.id, ...versionRecord(pkg) });
    }
    return { organization, admin, link: `${PUBLIC_URL.replace(/\/$/, '')}/reset-password/${token}` };
  } catch (error) {
    if (error instanceof OrganizationCreationError && error.reason === 'email_taken') {
      throw new CliError(`an account with the email ${input.adminEmail} already exists (emails are unique across organizations)`);
    }
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}
