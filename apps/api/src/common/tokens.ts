import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe: for session cookies and invitation links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak does not hand out live links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
