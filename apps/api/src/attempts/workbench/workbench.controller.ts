import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { candidateRun, ownTestsOverview, visibleTestCode } from '@takehome/contracts';
import { Public } from '../../auth/auth.decorators';
import { openApiSchema } from '../../openapi/zod-openapi';
import { type CandidateContext, CurrentCandidate } from '../candidate/candidate-context';
import { CandidateSessionGuard } from '../candidate/candidate-session.guard';
import { OwnTestsService } from './own-tests.service';
import { VisibleTestCodeService } from './visible-test-code.service';

@ApiTags('candidate')
@Public()
@UseGuards(CandidateSessionGuard)
@Controller('candidate/workbench')
export class WorkbenchController {
  constructor(
    private readonly ownTests: OwnTestsService,
    private readonly testCode: VisibleTestCodeService,
  ) {}

  @Get('own-tests')
  @ApiOperation({ summary: 'Whether own tests can run in this runtime, how to name them, and the latest runs' })
  @ApiOkResponse({ schema: openApiSchema(ownTestsOverview) })
  ownTestsOverview(@CurrentCandidate() c: CandidateContext) {
    return this.ownTests.overview(c.invitation);
  }

  @Post('own-tests')
  @ApiOperation({ summary: "Run the candidate's own test files (runtime's test command, sandboxed); read it at /candidate/runs/:id" })
  @ApiOkResponse({ schema: openApiSchema(candidateRun) })
  @ApiUnprocessableEntityResponse({ description: 'The runtime has no own-tests command ("own_tests_unavailable")' })
  @ApiTooManyRequestsResponse({ description: 'A run is in progress ("run_in_progress") or the hourly limit is reached ("rate_limited")' })
  runOwnTests(@CurrentCandidate() c: CandidateContext) {
    return this.ownTests.run(c.invitation);
  }

  @Get('test-code')
  @ApiOperation({ summary: "The visible suite's test files, read-only (never the hidden suite)" })
  @ApiOkResponse({ schema: openApiSchema(visibleTestCode) })
  visibleTestCode(@CurrentCandidate() c: CandidateContext) {
    return this.testCode.get(c.invitation);
  }
}
