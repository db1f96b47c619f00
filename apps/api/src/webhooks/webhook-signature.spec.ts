import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe(signWebhook.name, () => {
  it('matches an HMAC-SHA256 computed independently', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signWebhook('secret', '{"a":1}', 1_700_000_000)).toBe(
      't=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686',
    );
  });
});

describe(verifyWebhook.name, () => {
  const now = 1_700_000_100_000;
  const header = signWebhook('secret', '{"a":1}', 1_700_000_000);

  it('accepts the body it was signed for', () => {
    expect(verifyWebhook('secret', '{"a":1}', header, 300, now)).toBe(true);
  });
  it('rejects a changed body, a wrong secret, a stale timestamp and garbage', () => {
    expect(verifyWebhook('secret', '{"a":2}', header, 300, now)).toBe(false);
    expect(verifyWebhook('other', '{"a":1}', header, 300, now)).toBe(false);
    expect(verifyWebhook('secret', '{"a":1}', header, 300, now + 3_600_000)).toBe(false);
    expect(verifyWebhook('secret', '{"a":1}', 'nonsense', 300, now)).toBe(false);
  });
});

