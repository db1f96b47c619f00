import { Controller, Get, type MessageEvent, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { runView, type SessionUser } from '@takehome/contracts';
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
