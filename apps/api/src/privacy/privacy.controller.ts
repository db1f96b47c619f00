import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@takehome/contracts';
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
  @ApiOkResponse({ description: 'What was erased' })
  erase(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.erasure.eraseCandidate(user, id);
  }
}
