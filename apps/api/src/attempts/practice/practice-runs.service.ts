import { ConflictException, Injectable, type MessageEvent, ServiceUnavailableException } from '@nestjs/common';
import type { CandidateRun, PracticeAllowance } from '@takehome/contracts';
import type { Observable } from 'rxjs';
import { type PracticeSuite, RunsRepository } from '../../runs/runs.repository';
import { RunsService } from '../../runs/runs.service';
import { toCandidateRun } from '../../runs/run-views';
import { type CandidateInvitation, tooManyRequests, writableAttempt } from '../candidate/candidate-context';
import { SubmissionsService } from '../submission/submissions.service';

/**
 * Practice runs are the candidate's own: the limits (one at a time, so many an hour) are checked here, the run
 * itself is created, dispatched, read and streamed by the runs module. While the attempt is open nothing is
 * released, so a candidate's practice run shows its visible tests only.
 */
const WORKING = { kind: 'candidate', released: false } as const;

@Injectable()
export class PracticeRunsService {
  constructor(
    private readonly repository: RunsRepository,
    private readonly runs: RunsService,
    private readonly deadlines: SubmissionsService,
  ) {}

  /** suite 'own' runs the candidate's own test files (the workbench), under the same limits. */
  async create(current: CandidateInvitation, suite: PracticeSuite = 'visible'): Promise<CandidateRun> {
    const invitation = await this.deadlines.enforceDeadline(current);
    const attempt = writableAttempt(invitation);
    // A practice run is only worth something now; with the engine away it would wait in the queue while the
    // candidate watches a spinner. Submissions, in contrast, queue and are graded when the engine is back.
    if (!(await this.runs.engineAvailable())) {
      throw new ServiceUnavailableException({
        message: 'Running the tests is temporarily unavailable. Your work is saved; try again in a few minutes, or submit as usual.',
        code: 'runs_unavailable',
      });
    }
    const { assessment } = invitation;
    const decision = await this.repository.createPractice({
      attemptId: attempt.id,
      challengeVersionId: assessment.challengeVersionId,
      runtime: attempt.runtime,
      perHour: assessment.practiceRunsPerHour,
      suite,
    });
    if (!decision) throw new ConflictException({ message: 'Your work is already submitted.', code: 'submitted' });
    if ('refused' in decision && decision.refused === 'busy') {
      throw tooManyRequests('A test run is still in progress. Wait for its results before starting another.', 'run_in_progress');
    }
    if ('refused' in decision) {
      const minutes = Math.max(1, Math.ceil((decision.oldestInWindow.getTime() + 3_600_000 - Date.now()) / 60_000));
      throw tooManyRequests(
        `You can run ${suite === 'own' ? 'your own tests' : 'the tests'} ${assessment.practiceRunsPerHour} times per hour. The next run is possible in about ${minutes} minute(s).`,
        'rate_limited',
      );
    }
    // Redis away: RunsService.dispatch logs it, the run stays QUEUED and StaleRunRequeuer queues it later.
    await this.runs.dispatch(decision.run);
    return toCandidateRun(decision.run, WORKING);
  }

  /** Runs left this hour, counted as createPractice counts them, so the page never promises a run it would refuse. */
  async allowance(invitation: CandidateInvitation): Promise<PracticeAllowance> {
    const perHour = invitation.assessment.practiceRunsPerHour;
    const window = invitation.attempt ? await this.repository.practiceWindow(invitation.attempt.id, 'visible') : [];
    const left = Math.max(0, perHour - window.length);
    const oldest = window[0]?.queuedAt;
    return {
      perHour,
      usedThisHour: window.length,
      left,
      nextAvailableAt: left === 0 && oldest ? new Date(oldest.getTime() + 3_600_000).toISOString() : null,
    };
  }

  recent(invitation: CandidateInvitation, suite: PracticeSuite = 'visible'): Promise<CandidateRun[]> {
    return this.runs.candidateRecent(invitation.attempt?.id ?? null, WORKING, suite);
  }

  get(invitation: CandidateInvitation, runId: string): Promise<CandidateRun> {
    return this.runs.candidateView(invitation.attempt?.id ?? null, runId, WORKING);
  }

  stream(invitation: CandidateInvitation, runId: string): Promise<Observable<MessageEvent>> {
    return this.runs.candidateStream(invitation.attempt?.id ?? null, runId, WORKING);
  }
}
