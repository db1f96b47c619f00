import { z } from 'zod';
import { userRole } from './auth';

/**
 * The password rule in one place: the API enforces it (length here, plus a check against common and breached
 * passwords and the person's own name and email that needs the server's dictionaries), the web shows PASSWORD_RULE
 * beside every new-password field and the server's message when a password is refused.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password or one built from your name or email.`;

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const emailAddress = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254));
export const personName = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');

/** An emailed account link token: base64url, as randomToken() makes them. */
export const accountLinkToken = z.string().regex(/^[\w-]{20,200}$/, 'is not a valid link token');

export const forgotPasswordRequest = z.object({ email: emailAddress });
export type ForgotPasswordRequest = z.infer<typeof forgotPasswordRequest>;

export const resetPasswordRequest = z.object({ token: accountLinkToken, password: newPassword });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;

export const changePasswordRequest = z.object({ currentPassword: z.string().min(1, 'is required').max(1024), newPassword });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const accountLinkPurpose = z.enum(['INVITE', 'PASSWORD_RESET', 'SET_PASSWORD']);
export type AccountLinkPurpose = z.infer<typeof accountLinkPurpose>;

/** What a page shows before the person acts on an emailed link: whose account, which organization. */
export const accountLinkView = z.object({
  purpose: accountLinkPurpose,
  email: z.string(),
  organizationName: z.string(),
  role: userRole.nullable(),
  name: z.string().nullable(),
});
export type AccountLinkView = z.infer<typeof accountLinkView>;

/** The `code` of a 4xx answer about a link, so the page can say what to do next. */
export const accountLinkProblem = z.enum(['invalid', 'expired', 'used', 'revoked']);
export type AccountLinkProblem = z.infer<typeof accountLinkProblem>;

export const messageResponse = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof messageResponse>;
