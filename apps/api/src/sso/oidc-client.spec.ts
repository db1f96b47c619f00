import { describe, expect, it } from 'vitest';
import { loadApiConfig } from '../config/api-config';
import { OidcClient } from './oidc-client';

describe(OidcClient.name, () => {
  describe('insecureIssuerRefused', () => {
    it('accepts http issuers outside production, and in production only when OIDC_ALLOW_INSECURE_ISSUERS says so', () => {
      const client = (env: Record<string, string>) => new OidcClient(loadApiConfig(env));
      expect(client({ NODE_ENV: 'production' }).insecureIssuerRefused('http://idp.internal')).toBe(true);
      expect(client({ NODE_ENV: 'production' }).insecureIssuerRefused('https://idp.example.com')).toBe(false);
      expect(client({ NODE_ENV: 'production', OIDC_ALLOW_INSECURE_ISSUERS: 'true' }).insecureIssuerRefused('http://idp.internal')).toBe(false);
      expect(client({ NODE_ENV: 'development' }).insecureIssuerRefused('http://127.0.0.1:8080')).toBe(false);
    });
  });
});
