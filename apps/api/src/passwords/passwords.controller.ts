import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ChangePasswordRequest,
  changePasswordRequest,
  type ForgotPasswordRequest,
  forgotPasswordRequest,
  messageResponse,
  type ResetPasswordRequest,
  resetPasswordRequest,
  SESSION_COOKIE,
  type SessionUser,
  sessionUser,
} from '@takehome/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { setSessionCookie } from '../auth/session-cookie';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { openApiSchema } from '../openapi/zod-openapi';
import { PasswordsService } from './passwords.service';

@ApiTags('accounts')
@Controller('passwords')
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('forgot')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a password reset link; the answer is the same whether or not the address has an account' })
  @ApiAcceptedResponse({ schema: openApiSchema(messageResponse) })
  forgot(@Body(new ZodPipe(forgotPasswordRequest)) body: ForgotPasswordRequest) {
    return this.passwords.forgot(body.email);
  }

  @Public()
  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with an emailed link; ends every session, then signs in' })
  @ApiOkResponse({ schema: openApiSchema(sessionUser) })
  @ApiBadRequestResponse({ description: 'The password breaks the password rule' })
  @ApiGoneResponse({ description: 'The link expired, was used or was replaced (code says which)' })
  async reset(@Body(new ZodPipe(resetPasswordRequest)) body: ResetPasswordRequest, @Res({ passthrough: true }) res: Response): Promise<SessionUser> {
    const session = await this.passwords.reset(body);
    setSessionCookie(res, this.config, session);
    return session.user;
  }

  @Post('change')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Change your password (the current one is required); your other sessions end' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({ description: 'Wrong current password, or the new one breaks the password rule' })
  async change(@CurrentUser() user: SessionUser, @Req() req: Request, @Body(new ZodPipe(changePasswordRequest)) body: ChangePasswordRequest): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    await this.passwords.change(user.id, typeof token === 'string' ? token : undefined, body);
  }
}
