import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apiKeyStatus, createdApiKey, type SessionUser } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { ApiKeysService } from './api-keys.service';

@ApiTags('organization')
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('organization')
export class OrganizationsController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get('api-key')
  @ApiOperation({ summary: 'Whether the organization has an API key, its prefix and when it was made (never the key)' })
  @ApiOkResponse({ schema: openApiSchema(apiKeyStatus) })
  status(@CurrentUser() user: SessionUser) {
    return this.apiKeys.status(user.organization.id);
  }

  @Post('api-key')
  @ApiOperation({ summary: 'Create or rotate the organization API key; shown once, stored only as a hash' })
  @ApiCreatedResponse({ schema: openApiSchema(createdApiKey) })
  rotate(@CurrentUser() user: SessionUser) {
    return this.apiKeys.rotate(user.organization.id, user.id);
  }

  @Delete('api-key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the organization API key' })
  revoke(@CurrentUser() user: SessionUser) {
    return this.apiKeys.revoke(user.organization.id, user.id);
  }
}
