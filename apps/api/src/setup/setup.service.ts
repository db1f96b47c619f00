import { ConflictException, GoneException, Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { SetupRequest, SetupStatus } from '@takehome/contracts';
import { OrganizationCreationError } from '@takehome/db';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { PasswordPolicy } from '../passwords/password-policy';
import { SetupRepository } from './setup.repository';

export const ALREADY_SET_UP = 'Takehome is already set up: an organization exists. Sign in, or ask an admin of your organization for an invitation.';

/** First run: while no organization exists, anyone who can reach the server may create the first one. */
@Injectable()
export class SetupService {
  constructor(
    private readonly repository: SetupRepository,
    private readonly policy: PasswordPolicy,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<SetupStatus> {
    return { needed: !(await this.repository.anyOrganization()) };
  }

  async setUp(input: SetupRequest) {
    // Checked first so that a finished installation answers 410 without spending time on hashing.
    if (await this.repository.anyOrganization()) throw alreadySetUp();
    this.policy.assertAcceptable(input.password, [input.name, input.email, input.organizationName]);
    try {
      const { organization, admin } = await this.repository.createFirst({
        name: input.organizationName,
        admin: { email: input.email, name: input.name, passwordHash: await hash(input.password) },
      });
      await this.audit.record(organization.id, admin.id, 'organization.created', { type: 'Organization', id: organization.id }, { via: 'setup', slug: organization.slug });
      await this.repository.importBuiltInChallenges(organization.id);
      return this.auth.startSession(admin.id, 'setup');
    } catch (error) {
      if (error instanceof OrganizationCreationError && error.reason === 'already_set_up') throw alreadySetUp();
      if (error instanceof OrganizationCreationError) throw new ConflictException('An account with this email already exists.');
      throw error;
    }
  }
}

function alreadySetUp() {
  return new GoneException({ message: ALREADY_SET_UP, code: 'already_set_up' });
}
