import { type LoginRequest, sessionUser } from '@takehome/contracts';
import { z } from 'zod';
import { ApiError, request } from './http';

export const login = (body: LoginRequest) => request(sessionUser, '/api/auth/login', { method: 'POST', json: body });

// 204 has no body; the schema accepts the undefined that request() reads from it.
export const logout = () => request(z.undefined(), '/api/auth/logout', { method: 'POST' });

/** The signed-in team member, or null when nobody is: "not signed in" is a state, not an error, for the shell. */
export async function fetchMe() {
  try {
    return await request(sessionUser, '/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
