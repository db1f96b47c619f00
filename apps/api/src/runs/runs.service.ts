import { ConflictException, Injectable, Logger, type MessageEvent, NotFoundException } from '@nestjs/common';
import type { CandidateRun, RunKind, RunView, SessionUser } from '@takehome/contracts';
import type { Run } from '@takehome/db';
import type { Observable } from 'rxjs';
import { DockerService } from '../infra/docker.service';
import { RunEventsService } from './run-events.service';
import { RunQueueService } from './run-queue.service';
import type { RunAudience } from './run-results';
import { runEventStream } from './run-stream';
import { toCandidateRun, toRunView } from './run-views';
import { type PracticeSuite, RunsRepository } from './runs.repository';

type CandidateAudience = Extract<RunAudience, { kind: 'candidate' }>;

/**
 * The owner of runs in the API: how a run is handed to the worker once its row is committed, and the one view
 * and one stream per audience. Runs are created through RunsRepository (inside their callers' transactions
 * where a run belongs to a larger write) and dispatched here.
 */
@Injectable()
export class RunsService {
  private readonly logger = new Logger(RunsService.name);

  constructor(
    private readonly runs: RunsRepository,
    private readonly queue: RunQueueService,
    private readonly events: RunEventsService,
    private readonly docker: DockerService,
  ) {}

  /**
   * Whether the sandbox engine answers now (cached for a few seconds). Work that is only worth something at
   * once (a practice run) is refused while it is away; grading runs queue and run when it is back.
   */
  engineAvailable(): Promise<boolean> {
    return this.docker.isUp();
  }

  /**
   * Hands committed runs to the worker. The one policy when that fails (Redis away): the run stays QUEUED and
   * the stale-run sweep (StaleRunRequeuer) queues it later, so the caller's request succeeds either way.
   */
  async dispatch(...runs: { id: string; kind: RunKind }[]): Promise<void> {
    for (const run of runs) {
      await this.queue.enqueue(run).catch((error: Error) =>
        this.logger.error({ runId: run.id, kind: run.kind, err: error.message }, 'run stored but not enqueued; the stale-run sweep will queue it'),
      );
    }
  }

  /** The lead's "grade again" for a grading the platform failed (see RunsRepository.regradeFailed). */
  async regrade(user: SessionUser, submissionId: string): Promise<{ runId: string }> {
    const result = await this.runs.regradeFailed(user.organization.id, submissionId);
    if (!result.found) throw new NotFoundException('No such submission.');
    if (!result.run) throw new ConflictException('This submission is graded or being graded; only a failed grading can run again.');
    await this.dispatch(result.run);
    return { runId: result.run.id };
  }

  /**
   * A run as the team (leads and reviewers) may see it: scoped to the caller's organization. Every team read
   * of a run (the view and the stream) passes here, so narrower rules for a role belong in this function.
   */
  async findForTeam(user: SessionUser, runId: string): Promise<Run> {
    const run = await this.runs.findVisibleTo(user, runId);
    if (!run) throw new NotFoundException('No such run.');
    return run;
  }

  async teamView(user: SessionUser, runId: string): Promise<RunView> {
    return toRunView(await this.findForTeam(user, runId));
  }

  async teamStream(user: SessionUser, runId: string): Promise<Observable<MessageEvent>> {
    await this.findForTeam(user, runId);
    return runEventStream(this.events.events(runId), async () => {
      const run = await this.findForTeam(user, runId).catch(() => null);
      return run && toRunView(run);
    });
  }

  /** A candidate's practice run, or 404: scoped by attempt and kind, so never a grading run or another's. */
  async candidateView(attemptId: string | null, runId: string, audience: CandidateAudience): Promise<CandidateRun> {
    const run = attemptId && (await this.runs.findPractice(attemptId, runId));
    if (!run) throw new NotFoundException('No such run.');
    return toCandidateRun(run, audience);
  }

  async candidateRecent(attemptId: string | null, audience: CandidateAudience, suite: PracticeSuite = 'visible'): Promise<CandidateRun[]> {
    if (!attemptId) return [];
    return (await this.runs.recentPractice(attemptId, suite)).map((run) => toCandidateRun(run, audience));
  }

  /** The same stream as the team's, with the candidate's view in every snapshot. */
  async candidateStream(attemptId: string | null, runId: string, audience: CandidateAudience): Promise<Observable<MessageEvent>> {
    await this.candidateView(attemptId, runId, audience);
    return runEventStream(this.events.events(runId), async () => {
      const run = await this.runs.findPractice(attemptId!, runId);
      return run && toCandidateRun(run, audience);
    });
  }
}
