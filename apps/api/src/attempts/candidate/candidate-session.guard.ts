import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { CANDIDATE_SESSION_COOKIE } from '@takehome/contracts';
import { CandidateSessionsService } from '../../candidate-sessions/candidate-sessions.service';
import type { CandidateRequest } from './candidate-context';

/** No live candidate session behind the cookie (also AutosaveSessionGuard's answer). */
export function noCandidateSession(): UnauthorizedException {
  return new UnauthorizedException({ message: 'Open the link from your invitation email to continue.', code: 'no_session' });
}

/**
 * Candidate routes: the cookie from an invitation link, never a team session. Authentication only: one
 * indexed lookup of the session and its invitation, no side effects. What happens at the deadline is the
 * services' business (SubmissionsService.enforceDeadline), so authorizing a request never submits anything.
 */
@Injectable()
export class CandidateSessionGuard implements CanActivate {
  constructor(private readonly sessions: CandidateSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CandidateRequest>();
    const token: unknown = request.cookies?.[CANDIDATE_SESSION_COOKIE];
    const session = typeof token === 'string' && token ? await this.sessions.resolve(token) : null;
    if (!session) throw noCandidateSession();
    request.candidate = { sessionId: session.id, invitation: session.invitation };
    return true;
  }
}
