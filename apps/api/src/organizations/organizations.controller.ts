import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuditService } from '../audit/audit.service';
import { hashToken, randomToken } from '../common/tokens';
import { apiKeySubject } from './api-key.guard';
import { OrganizationsRepository } from './organizations.repository';

@ApiTags('organization')
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('organization')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  @Post('api-key')
  @ApiOperation({ summary: 'Create or rotate the organization API key; shown once, stored only as a hash' })
  @ApiCreatedResponse({ schema: { type: 'object', properties: { apiKey: { type: 'string' } } } })
  async rotate(@CurrentUser() user: SessionUser): Promise<{ apiKey: string }> {
    const apiKey = `thk_${randomToken()}`;
    await this.organizations.setApiKeyHash(user.organization.id, hashToken(apiKey));
    await this.audit.record(user.organization.id, user.id, 'api_key.rotated', apiKeySubject(hashToken(apiKey)));
    return { apiKey };
  }

  @Delete('api-key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the organization API key' })
  async revoke(@CurrentUser() user: SessionUser): Promise<void> {
    await this.organizations.setApiKeyHash(user.organization.id, null);
    await this.audit.record(user.organization.id, user.id, 'api_key.revoked', { type: 'Organization', id: user.organization.id });
  }
}
