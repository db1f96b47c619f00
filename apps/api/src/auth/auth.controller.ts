import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type LoginRequest, loginRequest, SESSION_COOKIE, type SessionUser, sessionUser } from '@takehome/contracts';
import type { Request, Response } from 'express';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { openApiSchema } from '../openapi/zod-openapi';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  @ApiOkResponse({ schema: openApiSchema(sessionUser) })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect' })
  @ApiForbiddenResponse({ description: 'The account was deactivated by an administrator' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address' })
  async login(
    @Body(new ZodPipe(loginRequest)) body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    const session = await this.auth.login(body, req.ip ?? 'unknown');
    setSessionCookie(res, this.config, session);
    return session.user;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in team member' })
  @ApiOkResponse({ schema: openApiSchema(sessionUser) })
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
