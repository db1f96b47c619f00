import { ConflictException, createParamDecorator, type ExecutionContext, HttpException } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import type { Request } from 'express';
import type { candidateInvitationInclude } from '../../candidate-sessions/candidate-sessions.repository';
import { writesCloseAt } from '../attempt-deadline';

export type CandidateInvitation = Prisma.InvitationGetPayload<{ include: typeof candidateInvitationInclude }>;
export type CandidateAttemptRow = NonNullable<CandidateInvitation['attempt']>;

/** Who is calling: one invitation (and its attempt, once started), nothing else. */
export interface CandidateContext {
  sessionId: string;
  invitation: CandidateInvitation;
}

export type CandidateRequest = Request & { candidate: CandidateContext };

export const CurrentCandidate = createParamDecorator((_: unknown, context: ExecutionContext): CandidateContext => {
  return context.switchToHttp().getRequest<CandidateRequest>().candidate;
});


/** The attempt, if the candidate may still change it; otherwise a 409 that says why in plain words. */
export function writableAttempt(invitation: CandidateInvitation): CandidateAttemptRow {
  const attempt = invitation.attempt;
  if (!attempt) throw new ConflictException({ message: 'Start the assessment first.', code: 'not_started' });
  if (attempt.status === 'EXPIRED_SUBMITTED' || (attempt.status === 'IN_PROGRESS' && Date.now() > writesCloseAt(attempt.deadline, invitation.assessment.graceSeconds).getTime())) {
    throw new ConflictException({
      message: 'Time is up: your last saved work was submitted automatically, and nothing can be changed any more.',
      code: 'time_up',
    });
  }
  if (attempt.status === 'SUBMITTED') {
    throw new ConflictException({ message: 'Your work is already submitted, and nothing can be changed any more.', code: 'submitted' });
  }
  return attempt;
}

export function tooManyRequests(message: string, code: string): HttpException {
  return new HttpException({ message, code }, 429);
}
