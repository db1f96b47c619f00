import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type PrivacySettings, privacySettings, type SessionUser } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { RetentionService } from './retention.service';

@ApiTags('privacy')
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('organization/privacy')
export class PrivacySettingsController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: "How long finished candidates' personal data is kept" })
  @ApiOkResponse({ schema: openApiSchema(privacySettings) })
  get(@CurrentUser() user: SessionUser) {
    return this.retention.settings(user.organization.id);
  }

  @Put()
  @ApiOperation({ summary: "Set the retention period (days, or null to keep until erased on request)" })
  @ApiOkResponse({ schema: openApiSchema(privacySettings) })
  put(@CurrentUser() user: SessionUser, @Body(new ZodPipe(privacySettings)) body: PrivacySettings) {
    return this.retention.update(user.organization.id, user.id, body);
  }
}
