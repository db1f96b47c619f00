import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import type { LinkProblem } from '@takehome/contracts';
import { hashToken, randomToken } from '../common/tokens';
import { CandidateSessionsRepository } from './candidate-sessions.repository';

// The longest a session lives while the work is under way (an attempt is hours; its link may sit unopened).
export const CANDIDATE_SESSION_TTL_MS = 120 * 24 * 3600 * 1000;
/**
 * Once the attempt ends, its sessions live this much longer: enough for the survey and a look at the
 * confirmation. Feedback weeks later comes with a link of its own (a fresh session), so a cookie left on a
 * shared computer does not keep a finished attempt open for months.
 */
export const CANDIDATE_SESSION_AFTER_END_MS = 7 * 24 * 3600 * 1000;

const messages: Record<LinkProblem, string> = {
  invalid: 'This invitation link is not valid. Check that you copied the whole link from the email.',
  expired: 'This invitation link has expired. Ask the team that invited you for a new one.',
  revoked: 'This invitation was withdrawn by the team that sent it.',
  used: 'This invitation link was already used to submit an assessment. Your confirmation stays available in the browser you used, and the email announcing your feedback brings a link that opens it on any device.',
};

function linkError(problem: LinkProblem) {
  const body = { message: messages[problem], code: problem };
  return problem === 'invalid' ? new NotFoundException(body) : new GoneException(body);
}

/**
 * Turns an invitation link into a candidate session cookie.
 *
 * The link is the candidate's only credential, so it is "single-use" in this sense: it starts exactly one
 * attempt, and it can be exchanged again (a second device, a cleared cookie) only for that same invitation and
 * only until the work is submitted. After submission it answers "used"; the browser that submitted keeps its
 * cookie for the survey and the feedback page. Once feedback is released, the link in that email (a token of
 * its own) opens the submitted attempt again on any device: there is nothing left to change, only to read.
 */
@Injectable()
export class CandidateSessionsService {
  constructor(private readonly repository: CandidateSessionsRepository) {}

  async open(token: string): Promise<{ sessionToken: string; expiresAt: Date }> {
    const tokenHash = hashToken(token);
    const invitation = await this.repository.findByTokenHash(tokenHash);
    if (!invitation) throw linkError('invalid');
    if (invitation.status === 'REVOKED' || invitation.revokedAt) throw linkError('revoked');
    const feedbackLink = invitation.feedbackTokenHash === tokenHash;
    const submitted = invitation.attempt && invitation.attempt.status !== 'IN_PROGRESS';
    if (feedbackLink && !invitation.attempt?.submission?.feedback?.releasedAt) throw linkError('invalid');
    if (submitted && !feedbackLink) throw linkError('used');
    // An attempt already under way continues even if the invitation's open window closes meanwhile.
    if (!invitation.attempt && invitation.expiresAt.getTime() <= Date.now()) throw linkError('expired');
    const sessionToken = randomToken();
    const expiresAt = new Date(Date.now() + (submitted ? CANDIDATE_SESSION_AFTER_END_MS : CANDIDATE_SESSION_TTL_MS));
    await this.repository.createSession(invitation.id, hashToken(sessionToken), expiresAt);
    return { sessionToken, expiresAt };
  }

  /** Authentication only: the live session behind a cookie and its invitation, or null. No side effects. */
  resolve(sessionToken: string) {
    return this.repository.findLiveSession(hashToken(sessionToken));
  }

  /** resolve() for the autosave: the same rule, one statement, with the attempt and the file `path` (see the repository). */
  resolveForSave(sessionToken: string, path: string) {
    return this.repository.findLiveSessionForSave(hashToken(sessionToken), new Date(), path);
  }

  reload(invitationId: string) {
    return this.repository.findInvitation(invitationId);
  }

  async close(sessionToken: string): Promise<void> {
    await this.repository.deleteSession(hashToken(sessionToken));
  }
}
