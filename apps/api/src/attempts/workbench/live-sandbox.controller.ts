import { Body, Controller, Delete, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ConsoleRequestBody, consoleRequestBody, consoleResponse, serviceState, terminalFiles, terminalState } from '@takehome/contracts';
import { Public } from '../../auth/auth.decorators';
import { ZodPipe } from '../../common/zod-body.pipe';
import { openApiSchema } from '../../openapi/zod-openapi';
import { type CandidateContext, CurrentCandidate } from '../candidate/candidate-context';
import { CandidateSessionGuard } from '../candidate/candidate-session.guard';
import { ServiceConsoleService } from './service-console.service';
import { TerminalService } from './terminal.service';

/** The workbench's live sandboxes: the candidate's running service (HTTP console) and their terminal. */
@ApiTags('candidate')
@Public()
@UseGuards(CandidateSessionGuard)
@Controller('candidate/workbench')
export class LiveSandboxController {
  constructor(
    private readonly service: ServiceConsoleService,
    private readonly terminal: TerminalService,
  ) {}

  @Get('service')
  @ApiOperation({ summary: "Whether the candidate's service runs, and its output" })
  @ApiOkResponse({ schema: openApiSchema(serviceState) })
  serviceState(@CurrentCandidate() c: CandidateContext) {
    return this.service.state(c.invitation);
  }

  @Post('service')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start (or restart) the service from the saved files, in the sandbox without network' })
  @ApiOkResponse({ schema: openApiSchema(serviceState) })
  startService(@CurrentCandidate() c: CandidateContext) {
    return this.service.start(c.invitation);
  }

  @Post('service/requests')
  @HttpCode(200)
  @ApiOperation({ summary: "Send one HTTP request to the candidate's running service" })
  @ApiOkResponse({ schema: openApiSchema(consoleResponse) })
  @ApiConflictResponse({ description: 'The service is not running ("service_not_running")' })
  request(@CurrentCandidate() c: CandidateContext, @Body(new ZodPipe(consoleRequestBody)) body: ConsoleRequestBody) {
    return this.service.request(c.invitation, body as ConsoleRequestBody & { method: string; path: string });
  }

  @Delete('service')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop the service' })
  stopService(@CurrentCandidate() c: CandidateContext) {
    return this.service.stop(c.invitation);
  }

  @Get('terminal')
  @ApiOperation({ summary: 'Whether the assessment offers a terminal and whether it runs' })
  @ApiOkResponse({ schema: openApiSchema(terminalState) })
  terminalState(@CurrentCandidate() c: CandidateContext) {
    return this.terminal.state(c.invitation);
  }

  @Post('terminal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start (or restart) the terminal over the saved files; attach at /api/candidate/workbench/terminal/socket' })
  @ApiOkResponse({ schema: openApiSchema(terminalState) })
  @ApiForbiddenResponse({ description: 'The assessment offers no terminal ("terminal_disabled")' })
  startTerminal(@CurrentCandidate() c: CandidateContext) {
    return this.terminal.start(c.invitation);
  }

  @Get('terminal/files')
  @ApiOperation({ summary: "The terminal's text files now, for the editor to take over" })
  @ApiOkResponse({ schema: openApiSchema(terminalFiles) })
  terminalFiles(@CurrentCandidate() c: CandidateContext) {
    return this.terminal.files(c.invitation);
  }

  @Delete('terminal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop the terminal' })
  stopTerminal(@CurrentCandidate() c: CandidateContext) {
    return this.terminal.stop(c.invitation);
  }
}
