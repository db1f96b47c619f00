import { describe, expect, it } from 'vitest';
import type { VerifiedIdentity } from './oidc-client';
import { decideJoin } from './sso-join-policy';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const domainPolicy = { joinPolicy: 'DOMAIN' as const, allowedDomains: ['acme.test'] };
const inviteOnly = { joinPolicy: 'INVITE_ONLY' as const, allowedDomains: ['acme.test'] };
const identity = (over: Partial<VerifiedIdentity> = {}): VerifiedIdentity => ({ subject: 's', email: 'ann@acme.test', emailVerified: true, name: 'Ann', ...over });
const member = (over: Partial<{ organizationId: string; disabledAt: Date | null }> = {}) => ({ id: 'u1', organizationId: ORG, disabledAt: null, ...over });

describe(decideJoin.name, () => {
  it('lets a verified address on an allowed domain join, and signs an existing member in', () => {
    expect(decideJoin(ORG, domainPolicy, identity(), null)).toEqual({ kind: 'join', email: 'ann@acme.test' });
    expect(decideJoin(ORG, inviteOnly, identity({ email: 'ann@elsewhere.test' }), member())).toEqual({ kind: 'sign_in', userId: 'u1' });
  });

  it('refuses an unverified or missing address before anything else', () => {
    expect(decideJoin(ORG, domainPolicy, identity({ emailVerified: false }), member())).toMatchObject({ code: 'sso_email_unverified' });
    expect(decideJoin(ORG, domainPolicy, identity({ email: null }), null)).toMatchObject({ code: 'sso_email_unverified', reason: 'email_missing' });
  });

  it('refuses outsiders by policy and domain', () => {
    expect(decideJoin(ORG, inviteOnly, identity(), null)).toMatchObject({ code: 'sso_not_a_member' });
    expect(decideJoin(ORG, domainPolicy, identity({ email: 'ann@acme.test.evil.test' }), null)).toMatchObject({ code: 'sso_domain_not_allowed' });
  });

  it('never takes over another organization’s member, and refuses a deactivated one', () => {
    expect(decideJoin(ORG, domainPolicy, identity(), member({ organizationId: OTHER }))).toMatchObject({ code: 'sso_other_organization' });
    expect(decideJoin(ORG, domainPolicy, identity(), member({ disabledAt: new Date() }))).toMatchObject({ code: 'sso_account_disabled' });
  });
});
