import { SESSION_COOKIE } from '@takehome/contracts';
import type { Response } from 'express';
import type { ApiConfig } from '../config/api-config';

/** Every route that signs someone in (login, first-run set-up, accepting an invitation, a reset) sets the same cookie. */
export function setSessionCookie(res: Response, config: ApiConfig, session: { token: string; expiresAt: Date }) {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
}
