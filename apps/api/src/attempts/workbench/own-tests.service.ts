import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ownTestsSpec, type Runtime } from '@takehome/challenge';
import type { CandidateRun, OwnTestsOverview } from '@takehome/contracts';
import { writableAttempt, type CandidateInvitation } from '../candidate/candidate-context';
import { PracticeRunsService } from '../practice/practice-runs.service';

/**
 * The candidate's own tests: a practice run of suite "own", so it shares the practice runs' limits (one run at a
 * time, practiceRunsPerHour) and their read and stream routes (/candidate/runs/:id). Only the runtime decides
 * the command (RUNTIME_CATALOGUE's ownTests); the candidate chooses nothing but their files.
 */
@Injectable()
export class OwnTestsService {
  constructor(private readonly practice: PracticeRunsService) {}

  async overview(invitation: CandidateInvitation): Promise<OwnTestsOverview> {
    const spec = invitation.attempt ? ownTestsSpec(invitation.attempt.runtime as Runtime) : undefined;
    return { available: spec !== undefined, hint: spec?.files ?? null, runs: await this.practice.recent(invitation, 'own') };
  }

  async run(invitation: CandidateInvitation): Promise<CandidateRun> {
    const attempt = writableAttempt(invitation);
    if (!ownTestsSpec(attempt.runtime as Runtime)) {
      throw new UnprocessableEntityException({
        message: `Running your own tests is not offered for ${attempt.runtime} yet; the visible tests still run.`,
        code: 'own_tests_unavailable',
      });
    }
    return this.practice.create(invitation, 'own');
  }
}
