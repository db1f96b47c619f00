import { z } from 'zod';
import { emailAddress, newPassword, personName } from './passwords';

/** Whether this installation still needs its first organization (the web app then opens /setup). */
export const setupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatus>;

export const setupRequest = z.object({
  organizationName: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be at most 80 characters'),
  name: personName,
  email: emailAddress,
  password: newPassword,
});
export type SetupRequest = z.infer<typeof setupRequest>;
