import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { hashToken } from '../common/tokens';
import { OrganizationsRepository } from './organizations.repository';

export type ApiKeyRequest = Request & { apiOrganization: { id: string; name: string; slug: string } };

/**
 * Public API: `Authorization: Bearer <organization API key>`. The key only ever identifies an organization;
 * routes behind this guard are also @Public() so the team-session guard lets them through to here.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ApiKeyRequest>();
    const [scheme, key] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !key) throw new UnauthorizedException('Send the organization API key as "Authorization: Bearer <key>".');
    const organization = await this.organizations.findByApiKeyHash(hashToken(key));
    if (!organization) throw new UnauthorizedException('Unknown or revoked API key.');
    request.apiOrganization = organization;
    return true;
  }
}
