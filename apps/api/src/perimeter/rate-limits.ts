import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { CANDIDATE_SESSION_COOKIE } from '@takehome/contracts';

/** Requests per minute for each group of routes; RATE_LIMIT_MULTIPLIER scales them all (load tests, suites). */
export const RATE_LIMITS = {
  /** Sign-in, per client address; failed passwords have their own, finer rules (auth/login-throttle.ts). */
  login: 20,
  /** Exchanging an invitation link for a session, per client address: a link is a credential to guess. */
  candidateSession: 20,
  /** Candidate routes, per session (autosave is one save a second at most). */
  candidate: 300,
  /**
   * Account links and first-run set-up, per client address: invitation-accept and password-reset tokens are
   * credentials to guess, and "forgot password" sends email, which must not become a way to flood an inbox.
   */
  accounts: 10,
  /** Company sign-in round trips (start and callback), per client address. */
  sso: 30,
  /** The public API, per key. */
  publicApi: 300,
  /** Team routes under /api, per client address: a backstop, far above any office's use. */
  api: 1200,
} as const;

type Group = keyof typeof RATE_LIMITS;

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * Fixed-window limits in Redis (rate-limiter-flexible), so they hold across API processes. A refused
 * request gets 429 with Retry-After. If Redis is unreachable the request passes: limits must not turn a
 * Redis outage into an outage of the whole platform (health reports Redis down meanwhile).
 */
export function rateLimits(redis: Redis, keyPrefix: string, multiplier: number): Record<Group, RequestHandler> {
  const limiter = (group: Group, keyOf: (req: Request) => string, skip: (req: Request) => boolean = () => false): RequestHandler => {
    const points = Math.max(1, Math.round(RATE_LIMITS[group] * multiplier));
    const store = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}rate:${group}`, points, duration: 60 });
    return (req: Request, res: Response, next: NextFunction) => {
      if (skip(req)) return next();
      store.consume(keyOf(req)).then(
        (state) => {
          res.setHeader('RateLimit-Limit', String(points));
          res.setHeader('RateLimit-Remaining', String(state.remainingPoints));
          next();
        },
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) return next();
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          res.setHeader('Retry-After', String(seconds));
          res.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: `Too many requests. Try again in ${seconds} s.`, retryAfterSeconds: seconds });
        },
      );
    };
  };
  const address = (req: Request) => req.ip ?? 'unknown';
  return {
    login: limiter('login', address),
    candidateSession: limiter('candidateSession', address),
    // Reading whether set-up is still needed is what every page of a fresh install asks first: not limited.
    accounts: limiter('accounts', address, (req) => req.method === 'GET' && req.baseUrl === '/api/setup'),
    sso: limiter('sso', address),
    candidate: limiter('candidate', (req) => {
      const cookie: unknown = req.cookies?.[CANDIDATE_SESSION_COOKIE];
      return typeof cookie === 'string' && cookie ? `session:${hash(cookie)}` : `address:${address(req)}`;
    }),
    publicApi: limiter('publicApi', (req) => {
      const key = req.headers.authorization ?? req.headers['x-api-key'];
      return typeof key === 'string' && key ? `key:${hash(key)}` : `address:${address(req)}`;
    }),
    // Candidate and public API routes have their own keys; many candidates behind one address are not one person.
    api: limiter('api', address, (req) => /^\/(candidate|v1)(\/|$)/.test(req.path)),
  };
}
