import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { queryKeys } from '../hooks/query-keys';

/**
 * A 401 from the team API means the session ended (expired, signed out in another tab): forget the user and
 * send the person to /login, to come back here after signing in. The candidate API has its own invitation
 * cookie, and the sign-in form shows its own 401s, so neither resets the team session.
 */
export function handleUnauthorized(client: QueryClient, error: unknown, toLogin: (next: string) => void): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (!error.path.startsWith('/api/') || error.path.startsWith('/api/candidate') || error.path === '/api/auth/login') return;
  if (client.getQueryData(queryKeys.me()) || error.code === 'session_ended') client.setQueryData(queryKeys.sessionEnded(), true);
  client.setQueryData(queryKeys.me(), null);
  const here = `${window.location.pathname}${window.location.search}`;
  if (!isPublicPage(window.location.pathname)) toLogin(here);
}

// Pages anyone may open without a session: a dead cookie there only means "not signed in".
const PUBLIC_PAGES = ['/login', '/setup', '/status', '/forgot-password', '/reset-password/', '/accept-invitation/'];

function isPublicPage(pathname: string): boolean {
  return pathname === '/' || PUBLIC_PAGES.some((p) => pathname === p || (p.endsWith('/') && pathname.startsWith(p)));
}
