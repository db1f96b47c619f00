import { type LoginRequest, sessionUser } from '@takehome/contracts';
import { z } from 'zod';
import { ApiError, request } from './http';

export const login = (body: LoginRequest) => request(sessionUser, '/api/auth/login', { method: 'POST', json: body });

// 204 has no body; the schema accepts the undefined that request() reads from it.
export const logout = () => request(z.undefined(), '/api/auth/logout', { method: 'POST' });

/**
 * The signed-in team member, or null when nobody is: "not signed in" is a state, not an error, for the shell.
 * A session that just ended (deactivated, reset elsewhere) stays an error, so the shell sends the person to the
 * sign-in page with the reason (see app/session-expiry); the server drops the dead cookie with that answer.
 */
export async function fetchMe() {
  try {
    return await request(sessionUser, '/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && error.code !== 'session_ended') return null;
    throw error;
  }
}
