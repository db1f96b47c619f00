import { Controller, Get, type MessageEvent, NotFoundException, Param, ParseUUIDPipe, Sse } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { runView, type SessionUser } from '@takehome/contracts';
import type { Observable } from 'rxjs';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { RunEventsService } from './run-events.service';
import { runEventStream } from './run-stream';
import { toRunView } from './run-view';
import { RunsRepository } from './runs.repository';

@ApiTags('runs')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD', 'REVIEWER')
@Controller('runs')
export class RunsController {
  constructor(
    private readonly runs: RunsRepository,
    private readonly events: RunEventsService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A run with every test result (the team view; candidates have their own)' })
  @ApiOkResponse({ schema: openApiSchema(runView) })
  async get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    const run = await this.runs.findVisibleTo(user, id);
    if (!run) throw new NotFoundException('No such run.');
    return toRunView(run);
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'Server-sent events: snapshot, running, progress, finished, final snapshot' })
  async stream(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string): Promise<Observable<MessageEvent>> {
    if (!(await this.runs.findVisibleTo(user, id))) throw new NotFoundException('No such run.');
    return runEventStream(this.events.events(id), async () => {
      const run = await this.runs.findVisibleTo(user, id);
      return run && toRunView(run);
    });
  }
}
