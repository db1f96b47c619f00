import { describe, expect, it } from 'vitest';
import { PasswordPolicy } from './password-policy';

describe(PasswordPolicy.name, () => {
  const policy = new PasswordPolicy();
  const personal = ['Jane Doe', 'jane.doe@acme.example', 'Acme Hiring'];

  describe('problem', () => {
    it.each(['correct horse battery staple', 'velvet comet orchard ladder', 'Tr0ub4dor&3x-quill'])('accepts %s', (password) => {
      expect(policy.problem(password, personal)).toBeNull();
    });

    it('names the length limits', () => {
      expect(policy.problem('short', personal)).toBe('must be at least 10 characters');
      expect(policy.problem('a'.repeat(129), personal)).toBe('must be at most 128 characters');
    });

    it.each(['password123', 'Password123!', 'qwertyuiop', 'iloveyou2024', 'Passw0rd!2024'])('refuses the common or breached %s', (password) => {
      expect(policy.problem(password, personal)).toMatch(/^is too easy to guess/);
    });

    it.each(['janedoe2026x', 'jane.doe@acme.example', 'AcmeHiring2026'])('refuses %s, built from the person or organization', (password) => {
      expect(policy.problem(password, personal)).toMatch(/^is too easy to guess/);
    });
  });

  describe('assertAcceptable', () => {
    it('throws a 400 that names the field', () => {
      expect(() => policy.assertAcceptable('password123', [], 'newPassword')).toThrow(/^newPassword: is too easy to guess/);
    });
  });
});
