import type { PrismaClient, UserRole } from './generated/client';
import { Prisma } from './generated/client';

/** Why an organization could not be created; callers turn it into their own message (HTTP 410/409, a CLI line). */
export class OrganizationCreationError extends Error {
  constructor(readonly reason: 'already_set_up' | 'email_taken') {
    super(reason === 'already_set_up' ? 'An organization already exists.' : 'An account with this email already exists.');
  }
}

export interface NewOrganization {
  name: string;
  admin: { email: string; name: string; passwordHash: string };
  /** First-run set-up: refuse when any organization exists (the CLI may add more organizations later). */
  onlyIfFirst: boolean;
  /** For an admin made without a password: the hash of the emailed link that sets it. */
  setPasswordToken?: { tokenHash: string; expiresAt: Date };
}

// Any fixed number: the key of the transaction-scoped advisory lock that puts every organization creation in
// one line, so two first-run requests (or a request and `assess org create`) cannot both see "no organization".
const ORGANIZATION_CREATION_LOCK = 7_310_245_001;

/** Creates an organization with its first admin, atomically; the one place both the API and the CLI use. */
export async function createOrganization(prisma: PrismaClient, input: NewOrganization) {
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ORGANIZATION_CREATION_LOCK})`);
      if (input.onlyIfFirst && (await tx.organization.count()) > 0) throw new OrganizationCreationError('already_set_up');
      if (await tx.user.findUnique({ where: { email: input.admin.email }, select: { id: true } })) {
        throw new OrganizationCreationError('email_taken');
      }
      const base = slugify(input.name);
      const taken = await tx.organization.findUnique({ where: { slug: base }, select: { id: true } });
      const slug = taken ? `${base}-${Math.random().toString(36).slice(2, 7)}` : base;
      const organization = await tx.organization.create({ data: { name: input.name, slug } });
      const role: UserRole = 'ADMIN';
      const admin = await tx.user.create({ data: { organizationId: organization.id, role, ...input.admin } });
      if (input.setPasswordToken) {
        await tx.accountToken.create({
          data: { organizationId: organization.id, purpose: 'SET_PASSWORD', userId: admin.id, email: admin.email, ...input.setPasswordToken },
        });
      }
      return { organization, admin };
    });
  } catch (error) {
    // The unique email index is the last word when another organization's invitation was accepted meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new OrganizationCreationError('email_taken');
    throw error;
  }
}

/** "Acme Hiring, Inc." -> "acme-hiring-inc": the organization's slug, used by `assess challenge import --org`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'organization';
}
