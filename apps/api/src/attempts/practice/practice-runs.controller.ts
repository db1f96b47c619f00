import { Controller, Get, type MessageEvent, Param, ParseUUIDPipe, Post, Sse, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { candidateRun, practiceAllowance } from '@takehome/contracts';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '../../auth/auth.decorators';
import { openApiSchema } from '../../openapi/zod-openapi';
import { type CandidateContext, CurrentCandidate } from '../candidate/candidate-context';
import { CandidateSessionGuard } from '../candidate/candidate-session.guard';
import { PracticeRunsService } from './practice-runs.service';

@ApiTags('candidate')
@Public()
@UseGuards(CandidateSessionGuard)
@Controller('candidate/runs')
export class PracticeRunsController {
  constructor(private readonly runs: PracticeRunsService) {}

  @Post()
  @ApiOperation({ summary: 'Run the visible tests on a snapshot of the current draft' })
  @ApiOkResponse({ schema: openApiSchema(candidateRun) })
  @ApiTooManyRequestsResponse({ description: 'A run is in progress ("run_in_progress") or the hourly limit is reached ("rate_limited")' })
  create(@CurrentCandidate() c: CandidateContext) {
    return this.runs.create(c.invitation);
  }

  @Get()
  @ApiOperation({ summary: 'The latest practice runs, newest first' })
  @ApiOkResponse({ schema: openApiSchema(z.array(candidateRun)) })
  recent(@CurrentCandidate() c: CandidateContext) {
    return this.runs.recent(c.invitation);
  }

  // Before ':id', which would read "allowance" as a run id.
  @Get('allowance')
  @ApiOperation({ summary: 'Practice runs left in the rolling hour' })
  @ApiOkResponse({ schema: openApiSchema(practiceAllowance) })
  allowance(@CurrentCandidate() c: CandidateContext) {
    return this.runs.allowance(c.invitation);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One practice run (visible tests only)' })
  @ApiOkResponse({ schema: openApiSchema(candidateRun) })
  get(@CurrentCandidate() c: CandidateContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.runs.get(c.invitation, id);
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'Server-sent events: snapshot, running, progress, finished, final snapshot' })
  stream(@CurrentCandidate() c: CandidateContext, @Param('id', ParseUUIDPipe) id: string): Promise<Observable<MessageEvent>> {
    return this.runs.stream(c.invitation, id);
  }
}
