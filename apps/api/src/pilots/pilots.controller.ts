import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { candidateReport, pilotReport, type SessionUser } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { PilotsService } from './pilots.service';

/** Hiring leads only: these reports carry names next to scores, which blind reviewers must not see. */
@ApiTags('pilots')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('assessments/:id')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @Get('pilot-report')
  @ApiOperation({ summary: 'The pilot report: times, per-test pass rates with flags, rubric scores and agreement, survey answers' })
  @ApiOkResponse({ schema: openApiSchema(pilotReport) })
  report(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.pilots.report({ id: user.id, organizationId: user.organization.id }, id);
  }

  @Get('invitations/:invitationId/report')
  @ApiOperation({ summary: "One invitee's results next to the pilot baseline" })
  @ApiOkResponse({ schema: openApiSchema(candidateReport) })
  candidateReport(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('invitationId', ParseUUIDPipe) invitationId: string) {
    return this.pilots.candidateReport({ id: user.id, organizationId: user.organization.id }, id, invitationId);
  }
}
