import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import type { AccountLinkProblem, AccountLinkView } from '@takehome/contracts';
import type { AccountToken, AccountTokenPurpose, Prisma } from '@takehome/db';
import { hashToken, randomToken } from '../common/tokens';
import { AccountTokensRepository, type NewAccountToken } from './account-tokens.repository';

/** How long each kind of link stays open: invitations wait for a week, a reset is meant to be used now. */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  INVITE: 7 * 24 * 3600 * 1000,
  PASSWORD_RESET: 30 * 60 * 1000,
  SET_PASSWORD: 7 * 24 * 3600 * 1000,
};

/** The page each kind of link opens in the web app. */
export const ACCOUNT_LINK_PATH: Record<AccountTokenPurpose, string> = {
  INVITE: '/accept-invitation/',
  PASSWORD_RESET: '/reset-password/',
  SET_PASSWORD: '/reset-password/',
};

const messages: Record<Exclude<AccountLinkProblem, 'invalid'>, Record<'INVITE' | 'PASSWORD', string>> = {
  expired: {
    INVITE: 'This invitation has expired. Ask an admin of your organization to send a new one.',
    PASSWORD: 'This password link has expired. Ask for a new one with "Forgot password?" on the sign-in page.',
  },
  used: {
    INVITE: 'This invitation was already accepted. Sign in with the email address it was sent to.',
    PASSWORD: 'This password link was already used. Sign in, or ask for a new link with "Forgot password?".',
  },
  revoked: {
    INVITE: 'This invitation was withdrawn by an admin of the organization.',
    PASSWORD: 'This password link was replaced by a newer one. Use the link in the most recent email.',
  },
};

export function accountLinkError(problem: AccountLinkProblem, purpose?: AccountTokenPurpose) {
  if (problem === 'invalid' || !purpose) {
    return new NotFoundException({ message: 'This link is not valid. Check that you copied the whole link from the email.', code: 'invalid' });
  }
  return new GoneException({ message: messages[problem][purpose === 'INVITE' ? 'INVITE' : 'PASSWORD'], code: problem });
}

function problemOf(token: AccountToken): AccountLinkProblem | null {
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'used';
  if (token.expiresAt.getTime() <= Date.now()) return 'expired';
  return null;
}

/**
 * The one owner of AccountToken: every emailed account link (invitation, password reset, first password) is
 * issued, checked and used up here. The link carries a random token; only its SHA-256 is stored.
 */
@Injectable()
export class AccountTokensService {
  constructor(private readonly repository: AccountTokensRepository) {}

  async issue(input: Omit<NewAccountToken, 'tokenHash' | 'expiresAt'>, db?: Prisma.TransactionClient) {
    const token = randomToken();
    const row = await this.repository.create(
      { ...input, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[input.purpose]) },
      db,
    );
    return { row, token };
  }

  /** A fresh token and expiry for a link, for "resend": the old link stops working at once. */
  rotation(purpose: AccountTokenPurpose) {
    const token = randomToken();
    return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[purpose]) };
  }

  /** What the link is for, or the clear 404/410 a page shows when it cannot be used. */
  async inspect(token: string, purposes: AccountTokenPurpose[]): Promise<AccountLinkView> {
    const row = await this.repository.findByHash(hashToken(token));
    if (!row || !purposes.includes(row.purpose)) throw accountLinkError('invalid');
    const problem = problemOf(row);
    if (problem) throw accountLinkError(problem, row.purpose);
    return { purpose: row.purpose, email: row.email, organizationName: row.organization.name, role: row.role, name: row.user?.name ?? null };
  }

  /** Uses the link up inside the caller's transaction; exactly one of several concurrent callers gets the row. */
  async claim(token: string, purposes: AccountTokenPurpose[], db: Prisma.TransactionClient): Promise<AccountToken> {
    const claimed = await this.repository.claim(hashToken(token), purposes, db);
    if (claimed) return claimed;
    await this.inspect(token, purposes);
    // Open a moment ago, gone now: another request used it first.
    throw accountLinkError('used', purposes[0]);
  }

  revokeOpen(userId: string, purposes: AccountTokenPurpose[], db?: Prisma.TransactionClient) {
    return this.repository.revokeOpen(userId, purposes, db);
  }
}
