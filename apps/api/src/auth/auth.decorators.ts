import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { SessionUser, UserRole } from '@takehome/contracts';
import type { Request } from 'express';

export const IS_PUBLIC = 'takehome:public';
export const ROLES = 'takehome:roles';

/** Opens a route to callers without a team session (health, login, candidate routes with their own guard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to these roles; without it any signed-in team member passes. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = Request & { user: SessionUser };

/** The signed-in team member; every query a handler makes is scoped with `user.organization.id`. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
