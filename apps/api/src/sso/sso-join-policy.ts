import type { SsoErrorCode, SsoJoinPolicy } from '@takehome/contracts';
import type { VerifiedIdentity } from './oidc-client';

export type JoinDecision =
  | { kind: 'sign_in'; userId: string }
  | { kind: 'join'; email: string }
  | { kind: 'refuse'; code: SsoErrorCode; reason: string };

interface ExistingUser {
  id: string;
  organizationId: string;
  disabledAt: Date | null;
}

/**
 * Who the organization's provider may sign in. The provider vouches for an email address, so nothing is
 * decided on an address it has not verified; an address that already belongs to another organization is
 * never taken over (emails are unique platform-wide, and each organization trusts only its own provider).
 */
export function decideJoin(
  organizationId: string,
  provider: { joinPolicy: SsoJoinPolicy; allowedDomains: string[] },
  identity: VerifiedIdentity,
  existing: ExistingUser | null,
): JoinDecision {
  if (!identity.email) return { kind: 'refuse', code: 'sso_email_unverified', reason: 'email_missing' };
  if (!identity.emailVerified) return { kind: 'refuse', code: 'sso_email_unverified', reason: 'email_unverified' };
  if (existing) {
    if (existing.organizationId !== organizationId) return { kind: 'refuse', code: 'sso_other_organization', reason: 'member_of_other_organization' };
    if (existing.disabledAt) return { kind: 'refuse', code: 'sso_account_disabled', reason: 'account_disabled' };
    return { kind: 'sign_in', userId: existing.id };
  }
  if (provider.joinPolicy === 'INVITE_ONLY') return { kind: 'refuse', code: 'sso_not_a_member', reason: 'not_a_member' };
  if (!provider.allowedDomains.includes(domainOf(identity.email))) return { kind: 'refuse', code: 'sso_domain_not_allowed', reason: 'domain_not_allowed' };
  return { kind: 'join', email: identity.email };
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
