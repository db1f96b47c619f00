import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { saveOidcProviderRequest, type SessionUser, ssoSettingsView } from '@takehome/contracts';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { SsoSettingsService } from './sso-settings.service';

@ApiTags('single sign-on')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Only admins manage single sign-on' })
@Roles('ADMIN')
@Controller('organization/sso')
export class SsoSettingsController {
  constructor(private readonly settings: SsoSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The organization's OpenID Connect provider (never its secret), and the redirect URI to register" })
  @ApiOkResponse({ schema: openApiSchema(ssoSettingsView) })
  get(@CurrentUser() user: SessionUser) {
    return this.settings.get(user);
  }

  @Put()
  @ApiOperation({ summary: 'Configure the OpenID Connect provider; the client secret is write-only and stored encrypted' })
  @ApiOkResponse({ schema: openApiSchema(ssoSettingsView) })
  @ApiBadRequestResponse({ description: 'A field is invalid, or no OpenID provider answers at the issuer URL' })
  @ApiConflictResponse({ description: 'SECRETS_ENCRYPTION_KEY is not set, a domain belongs to another organization, or password sign-in cannot be switched off yet' })
  save(@CurrentUser() user: SessionUser, @Body(new ZodPipe(saveOidcProviderRequest)) body: z.output<typeof saveOidcProviderRequest>) {
    return this.settings.save(user, body);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the provider; password sign-in is on again for everyone' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No provider was configured' })
  remove(@CurrentUser() user: SessionUser): Promise<void> {
    return this.settings.remove(user);
  }
}
