import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { hashToken } from '../common/tokens';
import { OrganizationsRepository } from './organizations.repository';

/** A key is known by the start of its hash: enough to tell keys apart, useless for guessing the key. */
export const apiKeySubject = (keyHash: string) => ({ type: 'ApiKey', id: `key_${keyHash.slice(0, 12)}` });

export type ApiKeyRequest = Request & { apiOrganization: { id: string; name: string; slug: string } };

/**
 * Public API: `Authorization: Bearer <organization API key>`. The key only ever identifies an organization;
 * routes behind this guard are also @Public() so the team-session guard lets them through to here.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ApiKeyRequest>();
    const [scheme, key] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !key) throw new UnauthorizedException('Send the organization API key as "Authorization: Bearer <key>".');
    const keyHash = hashToken(key);
    const organization = await this.organizations.findByApiKeyHash(keyHash);
    if (!organization) throw new UnauthorizedException('Unknown or revoked API key.');
    request.apiOrganization = organization;
    // An ATS polls: one event per key per hour (with the first route it called) says the key is in use, from
    // where, without an event per request.
    await this.audit.recordHourly(organization.id, null, 'api_key.used', [apiKeySubject(keyHash)], { method: request.method, route: request.path });
    return true;
  }
}
