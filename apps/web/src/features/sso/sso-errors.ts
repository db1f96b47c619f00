import type { SsoErrorCode } from '@takehome/contracts';

/** What the login page says when single sign-on sent someone back (`/login?error=<code>`). */
export const ssoErrorMessages: Record<SsoErrorCode, { title: string; message: string }> = {
  sso_state: {
    title: 'The sign-in link expired',
    message: 'This single sign-on attempt expired or was already used. Start again with "Use single sign-on (SSO)".',
  },
  sso_failed: { title: 'Single sign-on failed', message: "Your identity provider's answer could not be verified. Try again, or ask your admin to check the settings." },
  sso_cancelled: { title: 'Sign-in cancelled', message: 'The identity provider did not sign you in. Start again when you are ready.' },
  sso_unavailable: { title: 'Identity provider unavailable', message: 'Single sign-on is not available for this organization right now. Try again later, or ask your admin.' },
  sso_email_unverified: { title: 'Email not verified', message: 'Your identity provider did not confirm your email address, so you cannot be signed in with it. Ask your IT team to verify it.' },
  sso_domain_not_allowed: { title: 'Email domain not allowed', message: "Your email's domain is not one your organization lets join with single sign-on. Ask an admin to invite you." },
  sso_not_a_member: { title: 'Invitation needed', message: 'Your organization admits only invited members through single sign-on. Ask an admin to invite you.' },
  sso_account_disabled: { title: 'Account deactivated', message: 'Your account in this organization is deactivated. Ask an admin if you need access again.' },
  sso_other_organization: { title: 'Account belongs elsewhere', message: 'This email already belongs to another organization on Takehome. Sign in the way that organization does.' },
};
