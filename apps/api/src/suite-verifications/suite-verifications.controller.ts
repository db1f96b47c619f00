import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { latestSuiteVerification, type SessionUser, startSuiteVerificationRequest, suiteVerificationView } from '@takehome/contracts';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { SuiteVerificationsService } from './suite-verifications.service';

@ApiTags('challenges')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('challenges/:challengeId/versions/:versionId/suite-verifications')
export class SuiteVerificationsController {
  constructor(private readonly verifications: SuiteVerificationsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Prove the suites on the server: the reference and every mutant, N runs each; poll the latest for progress' })
  @ApiOkResponse({ schema: openApiSchema(suiteVerificationView) })
  start(
    @CurrentUser() user: SessionUser,
    @Param('challengeId', ParseUUIDPipe) challengeId: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body(new ZodPipe(startSuiteVerificationRequest)) body: z.output<typeof startSuiteVerificationRequest>,
  ) {
    return this.verifications.start(user.organization.id, user.id, challengeId, versionId, body);
  }

  @Get('latest')
  @ApiOperation({ summary: "The version's latest suite verification: progress with an estimate, then kill rates per runtime" })
  @ApiOkResponse({ schema: openApiSchema(latestSuiteVerification) })
  latest(
    @CurrentUser() user: SessionUser,
    @Param('challengeId', ParseUUIDPipe) challengeId: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ) {
    return this.verifications.latest(user.organization.id, challengeId, versionId);
  }
}
