import { Controller, Get, HttpCode, type MessageEvent, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { runView, type SessionUser } from '@takehome/contracts';
import { z } from 'zod';
import type { Observable } from 'rxjs';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD', 'REVIEWER')
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post('submissions/:submissionId/grade-again')
  @HttpCode(200)
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Grade a submission again after the platform failed to grade it (ERROR); 409 otherwise' })
  @ApiOkResponse({ schema: openApiSchema(z.object({ runId: z.uuid() })) })
  gradeAgain(@CurrentUser() user: SessionUser, @Param('submissionId', ParseUUIDPipe) submissionId: string) {
    return this.runs.regrade(user, submissionId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A run with every test result (the team view; candidates have their own)' })
  @ApiOkResponse({ schema: openApiSchema(runView) })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.runs.teamView(user, id);
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'Server-sent events: snapshot, running, progress, finished, final snapshot' })
  stream(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<Observable<MessageEvent>> {
    return this.runs.teamStream(user, id);
  }
}
