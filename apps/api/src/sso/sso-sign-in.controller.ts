import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE, SSO_FLOW_COOKIE, type SsoDiscoverRequest, ssoDiscoverRequest, ssoDiscoverResponse, ssoOrganizationView } from '@takehome/contracts';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { openApiSchema } from '../openapi/zod-openapi';
import { FLOW_TTL_SECONDS } from './sso-flow-store';
import { type Redirect, SsoSignInService } from './sso-sign-in.service';

@ApiTags('auth')
@Public()
@Controller('auth/sso')
export class SsoSignInController {
  constructor(
    private readonly signIn: SsoSignInService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('discover')
  @HttpCode(200)
  @ApiOperation({ summary: 'Where a work email signs in with single sign-on; the same neutral answer when it does not' })
  @ApiOkResponse({ schema: openApiSchema(ssoDiscoverResponse) })
  discover(@Body(new ZodPipe(ssoDiscoverRequest)) body: SsoDiscoverRequest & { email: string }) {
    return this.signIn.discover(body.email, body.next);
  }

  @Get('organizations/:slug')
  @ApiOperation({ summary: "An organization's provider, for its direct sign-in link (/login?org=<slug>)" })
  @ApiOkResponse({ schema: openApiSchema(ssoOrganizationView) })
  @ApiNotFoundResponse({ description: 'No such organization, or it has no single sign-on' })
  organization(@Param('slug') slug: string) {
    return this.signIn.organizationEntry(slug);
  }

  @Get('start')
  @ApiOperation({ summary: "Starts sign-in at the organization's OpenID provider (authorization code flow with PKCE)" })
  @ApiQuery({ name: 'org', description: 'Organization slug' })
  @ApiQuery({ name: 'next', required: false, description: 'Same-site path to land on after signing in' })
  @ApiQuery({ name: 'login_hint', required: false, description: 'Email to prefill at the provider' })
  @ApiFoundResponse({ description: "To the provider's sign-in page, or to /login?error=<code>" })
  async start(@Query() query: Record<string, unknown>, @Res() res: Response) {
    this.send(res, await this.signIn.start(query));
  }

  @Get('callback')
  @ApiOperation({ summary: "The provider's redirect back: verifies state, code and ID token, then sets the session cookie" })
  @ApiFoundResponse({ description: 'Into the app signed in, or to /login?error=<code>' })
  async callback(@Req() req: Request, @Res() res: Response) {
    const flowId: unknown = req.cookies?.[SSO_FLOW_COOKIE];
    const callbackUrl = new URL(req.originalUrl, this.config.PUBLIC_URL);
    this.send(res, await this.signIn.callback(typeof flowId === 'string' ? flowId : undefined, callbackUrl));
  }

  private send(res: Response, redirect: Redirect) {
    const base = { httpOnly: true, sameSite: 'lax' as const, secure: this.config.PUBLIC_URL.startsWith('https:') };
    // Lax, not Strict: the provider's redirect back is a cross-site top-level navigation that must carry it.
    if (redirect.flowId) res.cookie(SSO_FLOW_COOKIE, redirect.flowId, { ...base, path: '/api/auth/sso', maxAge: FLOW_TTL_SECONDS * 1000 });
    else res.clearCookie(SSO_FLOW_COOKIE, { ...base, path: '/api/auth/sso' });
    if (redirect.session) res.cookie(SESSION_COOKIE, redirect.session.token, { ...base, path: '/', expires: redirect.session.expiresAt });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, redirect.location);
  }
}
