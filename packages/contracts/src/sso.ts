import { z } from 'zod';

/** DOMAIN: a verified email on an allowed domain joins; INVITE_ONLY: only existing members sign in. */
export const ssoJoinPolicy = z.enum(['DOMAIN', 'INVITE_ONLY']);
export type SsoJoinPolicy = z.infer<typeof ssoJoinPolicy>;

// Anyone at the company can join through the provider, so joining as an admin is not on offer.
export const ssoDefaultRole = z.enum(['HIRING_LEAD', 'REVIEWER']);

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'must be a domain such as example.com'));

export const saveOidcProviderRequest = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(60),
    issuerUrl: z
      .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
      .max(500),
    clientId: z.string().trim().min(1, 'is required').max(255),
    // Write-only: left out (or empty) on an update keeps the stored secret; required the first time.
    clientSecret: z
      .string()
      .max(1024)
      .optional()
      .transform((s) => (s ? s : undefined)),
    allowedDomains: z
      .array(domain)
      .max(50)
      .refine((d) => new Set(d).size === d.length, 'must not repeat a domain'),
    joinPolicy: ssoJoinPolicy,
    defaultRole: ssoDefaultRole,
    passwordSignInDisabled: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (value.joinPolicy === 'DOMAIN' && value.allowedDomains.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['allowedDomains'], message: 'list at least one domain when people on it may join' });
    }
  });
export type SaveOidcProviderRequest = z.input<typeof saveOidcProviderRequest>;

export const oidcProviderView = z.object({
  displayName: z.string(),
  issuerUrl: z.string(),
  clientId: z.string(),
  // The secret itself never leaves the server; this only says one is stored.
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  joinPolicy: ssoJoinPolicy,
  defaultRole: ssoDefaultRole,
  passwordSignInDisabled: z.boolean(),
  // When someone last proved the provider works; password sign-in can be switched off only after that.
  verifiedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type OidcProviderView = z.infer<typeof oidcProviderView>;

export const ssoSettingsView = z.object({
  provider: oidcProviderView.nullable(),
  // What the admin registers at the identity provider.
  redirectUri: z.string(),
  // The organization's direct sign-in link (/login?org=<slug>).
  loginUrl: z.string(),
  // False when SECRETS_ENCRYPTION_KEY is not set: nothing can be saved until it is.
  encryptionKeyConfigured: z.boolean(),
});
export type SsoSettingsView = z.infer<typeof ssoSettingsView>;

export const ssoDiscoverRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254)),
  // Where to land after signing in: a same-site path.
  next: z.string().max(2000).optional(),
});
export type SsoDiscoverRequest = z.input<typeof ssoDiscoverRequest>;

/** The same shape whether or not the address has single sign-on, so the answer says no more than it must. */
export const ssoDiscoverResponse = z.object({
  startUrl: z.string().nullable(),
  providerName: z.string().nullable(),
});
export type SsoDiscoverResponse = z.infer<typeof ssoDiscoverResponse>;

export const ssoOrganizationView = z.object({
  organizationName: z.string(),
  providerName: z.string(),
  startUrl: z.string(),
});
export type SsoOrganizationView = z.infer<typeof ssoOrganizationView>;

/** Why a single sign-on attempt ended on the login page (`/login?error=<code>`). */
export const ssoErrorCode = z.enum([
  'sso_state',
  'sso_failed',
  'sso_cancelled',
  'sso_unavailable',
  'sso_email_unverified',
  'sso_domain_not_allowed',
  'sso_not_a_member',
  'sso_account_disabled',
  'sso_other_organization',
]);
export type SsoErrorCode = z.infer<typeof ssoErrorCode>;

export const SSO_FLOW_COOKIE = 'takehome_sso_flow';
