import { z } from 'zod';

export const userRole = z.enum(['ADMIN', 'HIRING_LEAD', 'REVIEWER']);
export type UserRole = z.infer<typeof userRole>;

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254)),
  password: z.string().min(1, 'is required').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: userRole,
  organization: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const SESSION_COOKIE = 'takehome_session';
