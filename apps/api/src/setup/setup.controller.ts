import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiGoneResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SessionUser, sessionUser, type SetupRequest, setupRequest, type SetupStatus, setupStatus } from '@takehome/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { setSessionCookie } from '../auth/session-cookie';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { openApiSchema } from '../openapi/zod-openapi';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Public()
@Controller('setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether this installation still needs its first organization' })
  @ApiOkResponse({ schema: openApiSchema(setupStatus) })
  status(): Promise<SetupStatus> {
    return this.setup.status();
  }

  @Post()
  @ApiOperation({ summary: 'First run: create the organization and its first admin, and sign the admin in' })
  @ApiCreatedResponse({ schema: openApiSchema(sessionUser) })
  @ApiBadRequestResponse({ description: 'A field is missing or the password breaks the password rule' })
  @ApiGoneResponse({ description: 'An organization already exists (code "already_set_up"); this route is closed for good' })
  async create(@Body(new ZodPipe(setupRequest)) body: SetupRequest, @Res({ passthrough: true }) res: Response): Promise<SessionUser> {
    const session = await this.setup.setUp(body);
    setSessionCookie(res, this.config, session);
    return session.user;
  }
}
