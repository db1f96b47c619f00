import { BadRequestException, ForbiddenException, Inject, Injectable, Logger } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { ChangePasswordRequest, ResetPasswordRequest } from '@takehome/contracts';
import { ACCOUNT_LINK_PATH, ACCOUNT_TOKEN_TTL_MS, AccountTokensService } from '../account-tokens/account-tokens.service';
import { AuditService } from '../audit/audit.service';
import { AuthService, DEACTIVATED_MESSAGE } from '../auth/auth.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { MailService } from '../mail/mail.service';
import { PasswordPolicy } from './password-policy';
import { PasswordsRepository } from './passwords.repository';

export const FORGOT_PASSWORD_ANSWER =
  'If an active account uses this address, an email with a link to choose a new password is on its way. The link works for 30 minutes.';

@Injectable()
export class PasswordsService {
  private readonly logger = new Logger(PasswordsService.name);

  constructor(
    private readonly repository: PasswordsRepository,
    private readonly tokens: AccountTokensService,
    private readonly policy: PasswordPolicy,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Answers at once and the same way whether or not the address has an account; the lookup, the link and the
   * email happen after the answer, so neither the words nor the response time tell the two apart.
   */
  forgot(email: string): { message: string } {
    void this.sendResetLink(email).catch((error: unknown) => this.logger.error(`password reset email failed: ${String(error)}`));
    return { message: FORGOT_PASSWORD_ANSWER };
  }

  private async sendResetLink(email: string): Promise<void> {
    const user = await this.repository.findUserByEmail(email);
    if (!user || user.disabledAt) return;
    // Only the newest link works, so an older email lying around in an inbox is no longer a way in.
    await this.tokens.revokeOpen(user.id, ['PASSWORD_RESET']);
    const { token } = await this.tokens.issue({ organizationId: user.organizationId, purpose: 'PASSWORD_RESET', userId: user.id, email: user.email });
    await this.audit.record(user.organizationId, user.id, 'password.reset_requested', { type: 'User', id: user.id });
    const minutes = ACCOUNT_TOKEN_TTL_MS.PASSWORD_RESET / 60_000;
    await this.mail.send({
      to: user.email,
      subject: 'Reset your Takehome password',
      text: [
        `Hello ${user.name},`,
        '',
        `Someone (hopefully you) asked to reset the password of your Takehome account at ${user.organization.name}.`,
        `Choose a new password here within ${minutes} minutes:`,
        '',
        `${this.config.PUBLIC_URL}${ACCOUNT_LINK_PATH.PASSWORD_RESET}${token}`,
        '',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    });
  }

  /** Sets the password from an emailed link (reset or first password), ends every session, then signs in afresh. */
  async reset(input: ResetPasswordRequest) {
    const link = await this.tokens.inspect(input.token, ['PASSWORD_RESET', 'SET_PASSWORD']);
    this.policy.assertAcceptable(input.password, [link.email, link.name ?? '', link.organizationName]);
    const passwordHash = await hash(input.password);
    const row = await this.repository.transaction(async (tx) => {
      const claimed = await this.tokens.claim(input.token, ['PASSWORD_RESET', 'SET_PASSWORD'], tx);
      if (!claimed.userId || !(await this.repository.setPassword(claimed.userId, passwordHash, tx))) {
        throw new ForbiddenException({ message: DEACTIVATED_MESSAGE, code: 'deactivated' });
      }
      return { ...claimed, userId: claimed.userId };
    });
    await this.auth.endSessions(row.userId);
    await this.tokens.revokeOpen(row.userId, ['PASSWORD_RESET', 'SET_PASSWORD']);
    await this.audit.record(row.organizationId, row.userId, 'password.reset', { type: 'User', id: row.userId }, { via: row.purpose });
    return this.auth.startSession(row.userId, row.purpose === 'SET_PASSWORD' ? 'first-password' : 'password-reset');
  }

  /** A signed-in person changes their password; every other session of theirs ends, this one stays. */
  async change(userId: string, currentSessionToken: string | undefined, input: ChangePasswordRequest): Promise<void> {
    const user = await this.repository.findUser(userId);
    if (!user || !(await this.auth.checkPassword(userId, input.currentPassword))) {
      const message = 'is not your current password';
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `currentPassword: ${message}`, issues: [{ path: 'currentPassword', message }] });
    }
    this.policy.assertAcceptable(input.newPassword, [user.email, user.name, user.organization.name], 'newPassword');
    if (!(await this.repository.setPassword(userId, await hash(input.newPassword)))) {
      throw new ForbiddenException({ message: DEACTIVATED_MESSAGE, code: 'deactivated' });
    }
    await this.auth.endSessions(userId, currentSessionToken);
    await this.audit.record(user.organizationId, userId, 'password.changed', { type: 'User', id: userId });
    await this.mail.send({
      to: user.email,
      subject: 'Your Takehome password was changed',
      text: `Hello ${user.name},\n\nThe password of your Takehome account was just changed, and every other signed-in browser was signed out.\nIf this was not you, use "Forgot password?" on ${this.config.PUBLIC_URL}/login and tell an admin of ${user.organization.name}.`,
    });
  }
}
