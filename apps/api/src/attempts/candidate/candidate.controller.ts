import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  candidateFeedback,
  candidateOverview,
  candidateWorkspace,
  type StartAttemptRequest,
  startAttemptRequest,
  submissionReceipt,
  type SurveyRequest,
  surveyRequest,
} from '@takehome/contracts';
import type { Response } from 'express';
import { Public } from '../../auth/auth.decorators';
import { ZodPipe } from '../../common/zod-body.pipe';
import { openApiSchema } from '../../openapi/zod-openapi';
import { SubmissionsService } from '../submission/submissions.service';
import { type CandidateContext, CurrentCandidate } from './candidate-context';
import { CandidateExportService } from './candidate-export';
import { CandidateSessionGuard } from './candidate-session.guard';
import { CandidateService } from './candidate.service';

@ApiTags('candidate')
@Public()
@UseGuards(CandidateSessionGuard)
@ApiUnauthorizedResponse({ description: 'No candidate session: open the invitation link (code "no_session")' })
@Controller('candidate')
export class CandidateController {
  constructor(
    private readonly candidate: CandidateService,
    private readonly submissions: SubmissionsService,
    private readonly exporter: CandidateExportService,
  ) {}

  @Get('attempt')
  @ApiOperation({ summary: 'The landing page: task, time, criteria, runtimes; and the attempt once started' })
  @ApiOkResponse({ schema: openApiSchema(candidateOverview) })
  overview(@CurrentCandidate() c: CandidateContext) {
    return this.candidate.overview(c.invitation);
  }

  @Post('attempt/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the clock (server time) and copy the chosen runtime\'s starter into the draft' })
  @ApiOkResponse({ schema: openApiSchema(candidateOverview) })
  @ApiConflictResponse({ description: 'Already started (code "already_started")' })
  start(@CurrentCandidate() c: CandidateContext, @Body(new ZodPipe(startAttemptRequest)) body: StartAttemptRequest) {
    return this.candidate.start(c.invitation, body.runtime);
  }

  @Get('workspace')
  @ApiOperation({ summary: 'The prompt, the deadline and every draft file with its revision' })
  @ApiOkResponse({ schema: openApiSchema(candidateWorkspace) })
  workspace(@CurrentCandidate() c: CandidateContext) {
    return this.candidate.workspace(c.invitation);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the last saved state: an immutable snapshot, graded by the hidden and visible tests' })
  @ApiOkResponse({ schema: openApiSchema(submissionReceipt) })
  @ApiConflictResponse({ description: 'Already submitted, or time is up (codes "submitted", "time_up")' })
  submit(@CurrentCandidate() c: CandidateContext) {
    return this.submissions.submit(c.invitation);
  }

  @Post('survey')
  @HttpCode(204)
  @ApiOperation({ summary: 'The short survey after submitting; once' })
  async survey(@CurrentCandidate() c: CandidateContext, @Body(new ZodPipe(surveyRequest)) body: SurveyRequest) {
    await this.candidate.survey(c.invitation, body);
  }

  @Get('data-export')
  @ApiOperation({ summary: 'Everything held about the candidate, as a JSON download (hidden tests only as counts, no reviewer notes)' })
  async dataExport(@CurrentCandidate() c: CandidateContext, @Res({ passthrough: true }) res: Response) {
    res.attachment('takehome-my-data.json').setHeader('Cache-Control', 'no-store');
    return this.exporter.export(c.invitation);
  }

  @Get('feedback')
  @ApiOperation({ summary: 'Released feedback, or { released: false }; hidden tests only as counts' })
  @ApiOkResponse({ schema: openApiSchema(candidateFeedback) })
  feedback(@CurrentCandidate() c: CandidateContext) {
    return this.candidate.feedback(c.invitation);
  }
}
