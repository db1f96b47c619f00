import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { erasureResult, type SessionUser } from '@takehome/contracts';
import { openApiSchema } from '../openapi/zod-openapi';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ErasureService } from './erasure.service';

@ApiTags('privacy')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('invitations/:id/erasure')
export class PrivacyController {
  constructor(private readonly erasure: ErasureService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Erase one candidate's personal data now (on request); scores and times stay, anonymous" })
  @ApiOkResponse({ schema: openApiSchema(erasureResult) })
  erase(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.erasure.eraseCandidate(user.organization.id, user.id, id);
  }
}
