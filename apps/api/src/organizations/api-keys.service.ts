import { Injectable } from '@nestjs/common';
import { API_KEY_PREFIX_LENGTH, type ApiKeyStatus, type CreatedApiKey } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { hashToken, randomToken } from '../common/tokens';
import { apiKeySubject } from './api-key.guard';
import { OrganizationsRepository } from './organizations.repository';

/** The organization's one public-API key: stored as a hash plus a short prefix, so it is shown in full only once. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  async status(organizationId: string): Promise<ApiKeyStatus> {
    const row = await this.organizations.apiKeyStatus(organizationId);
    return { configured: row.apiKeyHash !== null, prefix: row.apiKeyPrefix, createdAt: row.apiKeyCreatedAt?.toISOString() ?? null };
  }

  /** A new key replaces the old one at once: a tool still holding the old key gets 401 from now on. */
  async rotate(organizationId: string, actorId: string): Promise<CreatedApiKey> {
    const apiKey = `thk_${randomToken()}`;
    const prefix = apiKey.slice(0, API_KEY_PREFIX_LENGTH);
    await this.organizations.setApiKey(organizationId, { hash: hashToken(apiKey), prefix });
    await this.audit.record(organizationId, actorId, 'api_key.rotated', apiKeySubject(hashToken(apiKey)));
    return { apiKey, prefix };
  }

  async revoke(organizationId: string, actorId: string): Promise<void> {
    await this.organizations.setApiKey(organizationId, null);
    await this.audit.record(organizationId, actorId, 'api_key.revoked', { type: 'Organization', id: organizationId });
  }
}
