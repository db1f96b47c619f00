import { Inject, Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '@takehome/contracts';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthService } from '../auth/auth.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export type OperatorAccess = 'granted' | 'unauthenticated' | 'forbidden';

/**
 * Who may read the operators' views (/metrics and the queue dashboard): a scraper presenting METRICS_TOKEN as a
 * bearer token, or a signed-in admin. Everyone else is refused: queue and latency figures describe the whole
 * install, not one organization, and are nobody else's business.
 */
@Injectable()
export class OperatorAccessCheck {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async check(req: Request, { allowToken }: { allowToken: boolean }): Promise<OperatorAccess> {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (allowToken && bearer !== undefined) {
      return this.config.METRICS_TOKEN && sameSecret(bearer, this.config.METRICS_TOKEN) ? 'granted' : 'unauthenticated';
    }
    const cookie: unknown = req.cookies?.[SESSION_COOKIE];
    const user = typeof cookie === 'string' && cookie !== '' ? await this.auth.resolve(cookie) : null;
    if (!user) return 'unauthenticated';
    return user.role === 'ADMIN' ? 'granted' : 'forbidden';
  }
}

/** Compares digests so neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
