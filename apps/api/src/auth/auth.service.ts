import { Injectable, UnauthorizedException } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { LoginRequest, SessionUser } from '@takehome/contracts';
import { hashToken, randomToken } from '../common/tokens';
import { AuthRepository } from './auth.repository';
import { LoginThrottle } from './login-throttle';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
// Refresh the expiry at most this often, so reads do not turn into a write per request.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

type UserRow = NonNullable<Awaited<ReturnType<AuthRepository['findUserByEmail']>>>;

@Injectable()
export class AuthService {
  // Verifying against this when the email is unknown keeps the response time from revealing which emails exist.
  private readonly decoyHash = hash('decoy-password-for-unknown-accounts');

  constructor(
    private readonly repository: AuthRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(input: LoginRequest, address: string): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
    await this.throttle.beforeAttempt(input.email, address);
    const user = await this.repository.findUserByEmail(input.email);
    const valid = await verify(user?.passwordHash ?? (await this.decoyHash), input.password).catch(() => false);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(input.email, address);
      throw new UnauthorizedException('Email or password is incorrect.');
    }
    await this.throttle.clear(input.email, address);
    const token = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.repository.createSession(user.id, hashToken(token), expiresAt);
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
    await this.repository.deleteSession(hashToken(token));
  }
}

function toSessionUser(user: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'organization'>): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, organization: user.organization };
}
