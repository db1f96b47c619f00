import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeEncryptionKey, loadApiConfig } from '../config/api-config';
import { SecretBox } from './secret-box';
import { SsoSecrets } from './sso-secrets';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

  describe('seal', () => {
    it('never stores the plain secret and differs every time', () => {
      const a = box.seal('s3cret-value', 'org-1');
      const b = box.seal('s3cret-value', 'org-1');
      expect(a).not.toContain('s3cret');
      expect(a).not.toBe(b);
      expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });

  describe('open', () => {
    it('returns what was sealed under the same key and context', () => {
      expect(box.open(box.seal('s3cret-value', 'org-1'), 'org-1')).toBe('s3cret-value');
    });

    it('refuses another context, another key and an altered value', () => {
      const sealed = box.seal('s3cret-value', 'org-1');
      expect(() => box.open(sealed, 'org-2')).toThrow();
      expect(() => new SecretBox(randomBytes(32)).open(sealed, 'org-1')).toThrow();
      const [v, iv, tag, ct] = sealed.split('.');
      const flipped = Buffer.from(ct, 'base64url');
      flipped[0] ^= 1;
      expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'org-1')).toThrow();
      expect(() => box.open('plain', 'org-1')).toThrow();
    });
  });
});

describe(decodeEncryptionKey.name, () => {
  const key = randomBytes(32);

  it('reads 32 bytes written as hex or base64', () => {
    expect(decodeEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(decodeEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(decodeEncryptionKey(key.toString('base64url'))).toEqual(key);
  });

  it('refuses other lengths and spellings, and the configuration names the variable', () => {
    expect(decodeEncryptionKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(decodeEncryptionKey('correct horse battery staple')).toBeNull();
    expect(() => loadApiConfig({ SECRETS_ENCRYPTION_KEY: 'too-short' })).toThrow(/SECRETS_ENCRYPTION_KEY: must be 32 bytes/);
    expect(loadApiConfig({}).SECRETS_ENCRYPTION_KEY).toBeUndefined();
  });
});

describe(SsoSecrets.name, () => {
  describe('seal', () => {
    it('without SECRETS_ENCRYPTION_KEY refuses with 409 and a message naming the variable', () => {
      const secrets = new SsoSecrets(loadApiConfig({}));
      expect(secrets.configured).toBe(false);
      expect(() => secrets.seal('s3cret', 'org-1')).toThrow(expect.objectContaining({ status: 409, message: expect.stringContaining('set SECRETS_ENCRYPTION_KEY') }));
    });

    it('with the key seals for the organization', () => {
      const secrets = new SsoSecrets(loadApiConfig({ SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('hex') }));
      expect(secrets.open(secrets.seal('s3cret', 'org-1'), 'org-1')).toBe('s3cret');
    });
  });
});
