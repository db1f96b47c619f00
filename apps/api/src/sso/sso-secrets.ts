import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig, decodeEncryptionKey } from '../config/api-config';
import { SecretBox } from './secret-box';

/** The organization's OIDC client secret at rest, sealed with SECRETS_ENCRYPTION_KEY and bound to the organization. */
@Injectable()
export class SsoSecrets {
  private readonly box: SecretBox | null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const key = config.SECRETS_ENCRYPTION_KEY ? decodeEncryptionKey(config.SECRETS_ENCRYPTION_KEY) : null;
    this.box = key ? new SecretBox(key) : null;
  }

  get configured(): boolean {
    return this.box !== null;
  }

  /** Saving settings needs the key even when the secret is kept: without it sign-in could not read the secret. */
  assertConfigured(): void {
    if (!this.box) {
      throw new ConflictException({
        message: 'Single sign-on cannot be saved: set SECRETS_ENCRYPTION_KEY (32 bytes, base64 or hex) on the API server so the client secret is stored encrypted.',
        code: 'encryption_key_missing',
      });
    }
  }

  seal(secret: string, organizationId: string): string {
    this.assertConfigured();
    return this.box!.seal(secret, organizationId);
  }

  /** Throws when the key is missing or is not the one the secret was sealed with (a rotated key). */
  open(sealed: string, organizationId: string): string {
    if (!this.box) throw new Error('SECRETS_ENCRYPTION_KEY is not set');
    return this.box.open(sealed, organizationId);
  }
}
