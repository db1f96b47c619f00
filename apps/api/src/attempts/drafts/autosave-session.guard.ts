import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { CANDIDATE_SESSION_COOKIE, draftPathProblem } from '@takehome/contracts';
import type { Request } from 'express';
import type { LiveSessionForSave } from '../../candidate-sessions/candidate-sessions.repository';
import { CandidateSessionsService } from '../../candidate-sessions/candidate-sessions.service';
import { noCandidateSession } from '../candidate/candidate-session.guard';

type AutosaveRequest = Request & { autosave: LiveSessionForSave };

/**
 * CandidateSessionGuard for the autosave route: the same cookie, the same rule and the same 401, in one statement
 * that also reads the attempt and the file being saved (the body is parsed before guards run; an unusable path
 * looks up no file, and the validation pipe refuses it next). The save then needs one more statement, not a dozen.
 */
@Injectable()
export class AutosaveSessionGuard implements CanActivate {
  constructor(private readonly sessions: CandidateSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AutosaveRequest>();
    const token: unknown = request.cookies?.[CANDIDATE_SESSION_COOKIE];
    const path: unknown = (request.body as { path?: unknown } | undefined)?.path;
    // A path the pipe will refuse (a NUL byte PostgreSQL cannot even compare) looks up no file.
    const usable = typeof path === 'string' && draftPathProblem(path) === null ? path : '';
    const session = typeof token === 'string' && token ? await this.sessions.resolveForSave(token, usable) : null;
    if (!session) throw noCandidateSession();
    request.autosave = session;
    return true;
  }
}

export const CurrentAutosave = createParamDecorator(
  (_: unknown, context: ExecutionContext): LiveSessionForSave => context.switchToHttp().getRequest<AutosaveRequest>().autosave,
);
