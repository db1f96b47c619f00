import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { LoginRequest, SessionUser } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { hashToken, randomToken } from '../common/tokens';
import { AuthRepository } from './auth.repository';
import { LoginThrottle } from './login-throttle';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
// Refresh the expiry at most this often, so reads do not turn into a write per request.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const DEACTIVATED_MESSAGE = 'This account was deactivated by an administrator. Ask an admin of your organization if you need access again.';

type UserRow = NonNullable<Awaited<ReturnType<AuthRepository['findUserById']>>>;

@Injectable()
export class AuthService {
  // Verifying against this when the email is unknown keeps the response time from revealing which emails exist.
  private readonly decoyHash = hash('decoy-password-for-unknown-accounts');

  constructor(
    private readonly repository: AuthRepository,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async login(input: LoginRequest, address: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    await this.throttle.beforeAttempt(input.email, address);
    const user = await this.repository.findUserByEmail(input.email);
    const valid = await verify(user?.passwordHash ?? (await this.decoyHash), input.password).catch(() => false);
    const sso = user && !user.disabledAt ? user.organization.oidcProvider : null;
    // Told whatever the password: people who joined through the provider never had one to type.
    if (sso?.passwordSignInDisabled) {
      throw new ForbiddenException({
        message: `Your organization signs in with ${sso.displayName}: use "Sign in with ${sso.displayName}".`,
        code: 'password_sign_in_disabled',
      });
    }
    if (!user || !valid) {
      await this.throttle.recordFailure(input.email, address);
      // An unknown email belongs to no organization, so there is no trail to write it to (the throttle still
      // counts it); a known account's failures go on its organization's trail (the address comes with the request).
      if (user) await this.audit.record(user.organization.id, null, 'auth.sign_in_failed', { type: 'User', id: user.id }, { reason: 'password' });
      throw new UnauthorizedException('Email or password is incorrect.');
    }
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (user.disabledAt) throw new ForbiddenException({ message: DEACTIVATED_MESSAGE, code: 'deactivated' });
    await this.throttle.clear(input.email, address);
    return this.openSession(user, 'password');
  }

  /** Signs in someone who just proved who they are another way (set-up, an invitation, a password link). */
  async startSession(userId: string, method: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    const user = await this.repository.findUserById(userId);
    if (!user) throw new UnauthorizedException('Sign in to continue.');
    if (user.disabledAt) throw new ForbiddenException({ message: DEACTIVATED_MESSAGE, code: 'deactivated' });
    return this.openSession(user, method);
  }

  /** Ends every session of this person (deactivation, a password reset), or all but the one that asks. */
  async endSessions(userId: string, exceptToken?: string): Promise<void> {
    await this.repository.deleteSessionsOf(userId, exceptToken ? hashToken(exceptToken) : undefined);
  }

  /** Whether this is the person's current password (changing it requires it). */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.repository.findUserById(userId);
    return !!user && (await verify(user.passwordHash, password).catch(() => false));
  }

  private async openSession(user: UserRow, method: string) {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.repository.createSession(user.id, hashToken(token), expiresAt);
    await this.repository.recordSignIn(user.id);
    await this.audit.record(user.organization.id, user.id, 'auth.signed_in', { type: 'User', id: user.id }, { method });
    return { token, user: toSessionUser(user), expiresAt };
  }

  async resolve(token: string): Promise<SessionUser | null> {
    const session = await this.repository.findLiveSession(hashToken(token));
    if (!session) return null;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.repository.touchSession(session.id, new Date(Date.now() + SESSION_TTL_MS));
    }
    return toSessionUser(session.user);
  }

  async logout(token: string): Promise<void> {
    const session = await this.repository.deleteSession(hashToken(token));
    if (session) await this.audit.record(session.user.organization.id, session.user.id, 'auth.signed_out', { type: 'User', id: session.user.id });
  }
}

function toSessionUser(user: Pick<UserRow, 'id' | 'email' | 'name' | 'role'> & { organization: SessionUser['organization'] }): SessionUser {
  const { id, name, slug } = user.organization;
  return { id: user.id, email: user.email, name: user.name, role: user.role, organization: { id, name, slug } };
}
