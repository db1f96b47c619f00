import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CANDIDATE_SESSION_COOKIE, type OpenInvitationRequest, openInvitationRequest } from '@takehome/contracts';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CandidateSessionsService } from './candidate-sessions.service';

const CANDIDATE_COOKIE_PATH = '/api/candidate';

@ApiTags('candidate')
@Public()
@Controller('candidate/sessions')
export class CandidateSessionsController {
  constructor(
    private readonly links: CandidateSessionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: "Exchange an invitation link's token for a candidate session cookie" })
  @ApiNoContentResponse({ description: 'Cookie set; GET /api/candidate/attempt tells the page what to show' })
  @ApiNotFoundResponse({ description: 'code "invalid"' })
  @ApiGoneResponse({ description: 'code "expired", "revoked" or "used"' })
  async open(@Body(new ZodPipe(openInvitationRequest)) body: OpenInvitationRequest, @Res({ passthrough: true }) res: Response) {
    const { sessionToken, expiresAt } = await this.links.open(body.token);
    // Path-scoped and strict: the cookie is only ever sent to candidate routes, never to the team's API.
    res.cookie(CANDIDATE_SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https:'),
      path: CANDIDATE_COOKIE_PATH,
      expires: expiresAt,
    });
  }

  @Post('end')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget this browser (e.g. a shared computer)' })
  async end(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token: unknown = req.cookies?.[CANDIDATE_SESSION_COOKIE];
    if (typeof token === 'string' && token) await this.links.close(token);
    res.clearCookie(CANDIDATE_SESSION_COOKIE, { path: CANDIDATE_COOKIE_PATH });
  }
}
