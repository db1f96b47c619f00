import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { CANDIDATE_SESSION_COOKIE } from '@takehome/contracts';
import { InvitationLinksService } from '../../invitations/invitation-links.service';
import { SubmissionsService } from '../submission/submissions.service';
import type { CandidateRequest } from './candidate-context';

/**
 * Candidate routes: the cookie from an invitation link, never a team session. Also the lazy half of deadline
 * enforcement: an attempt past its deadline is submitted here, before the handler runs, even when the
 * delayed auto-submit job is late or lost, so no candidate request ever acts on an expired attempt.
 */
@Injectable()
export class CandidateSessionGuard implements CanActivate {
  constructor(
    private readonly links: InvitationLinksService,
    private readonly submissions: SubmissionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CandidateRequest>();
    const token: unknown = request.cookies?.[CANDIDATE_SESSION_COOKIE];
    let session = typeof token === 'string' && token ? await this.links.resolve(token) : null;
    if (!session) {
      throw new UnauthorizedException({ message: 'Open the link from your invitation email to continue.', code: 'no_session' });
    }
    if (await this.submissions.enforceDeadline(session.invitation)) session = (await this.links.resolve(token as string)) ?? session;
    request.candidate = { sessionId: session.id, invitation: session.invitation };
    return true;
  }
}
