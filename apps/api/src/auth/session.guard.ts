import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE, type UserRole } from '@takehome/contracts';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './auth.decorators';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a live team session unless marked @Public(), and @Roles() narrows it.
 * Secure by default, so a new route cannot be left open by forgetting a decorator.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const sent = typeof token === 'string' && token !== '';
    const user = sent ? await this.auth.resolve(token) : null;
    if (!user && sent) {
      // A cookie that no longer opens a session (expired, signed out elsewhere, deactivated, password reset): say
      // so once, and drop the cookie so the next visit is simply "not signed in".
      context.switchToHttp().getResponse<Response>().clearCookie(SESSION_COOKIE, { path: '/' });
      throw new UnauthorizedException({ message: 'Your session has ended. Sign in again to continue.', code: 'session_ended' });
    }
    if (!user) throw new UnauthorizedException('Sign in to continue.');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException('Your role does not allow this action.');
    }
    return true;
  }
}
