import { ConflictException, Injectable, Logger, type MessageEvent, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { CandidateRun, RunTest } from '@takehome/contracts';
import type { Run } from '@takehome/db';
import { JobName } from '@takehome/jobs';
import type { Observable } from 'rxjs';
import { DockerService } from '../../infra/docker.service';
import { RunEventsService } from '../../runs/run-events.service';
import { RunQueueService } from '../../runs/run-queue.service';
import { runEventStream } from '../../runs/run-stream';
import { type CandidateInvitation, tooManyRequests, writableAttempt } from '../candidate/candidate-context';
import { PracticeRunsRepository } from './practice-runs.repository';

/** Only tests marked visible leave the server, whatever suite a run covered. */
export function toCandidateRun(run: Run): CandidateRun {
  return {
    id: run.id,
    status: run.status,
    outcome: run.outcome,
    score: run.score,
    maxScore: run.maxScore,
    tests: ((run.tests as RunTest[] | null) ?? []).filter((t) => t.visibility === 'visible'),
    logs: run.logs,
    queuedAt: run.queuedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class PracticeRunsService {
  private readonly logger = new Logger(PracticeRunsService.name);

  constructor(
    private readonly repository: PracticeRunsRepository,
    private readonly queue: RunQueueService,
    private readonly events: RunEventsService,
    private readonly docker: DockerService,
  ) {}

  async create(invitation: CandidateInvitation): Promise<CandidateRun> {
    const attempt = writableAttempt(invitation);
    // A practice run is only worth something now; with the engine away it would wait in the queue while the
    // candidate watches a spinner. Submissions, in contrast, queue and are graded when the engine is back.
    if (!(await this.docker.isUp())) {
      throw new ServiceUnavailableException({
        message: 'Running the tests is temporarily unavailable. Your work is saved; try again in a few minutes, or submit as usual.',
        code: 'runs_unavailable',
      });
    }
    const { assessment } = invitation;
    const decision = await this.repository.create({
      attemptId: attempt.id,
      challengeVersionId: assessment.challengeVersionId,
      runtime: attempt.runtime,
      perHour: assessment.practiceRunsPerHour,
    });
    if (!decision) throw new ConflictException({ message: 'Your work is already submitted.', code: 'submitted' });
    if ('refused' in decision && decision.refused === 'busy') {
      throw tooManyRequests('A practice run is still in progress. Wait for its results before starting another.', 'run_in_progress');
    }
    if ('refused' in decision) {
      const minutes = Math.max(1, Math.ceil((decision.oldestInWindow.getTime() + 3_600_000 - Date.now()) / 60_000));
      throw tooManyRequests(
        `You can run the tests ${assessment.practiceRunsPerHour} times per hour. The next run is possible in about ${minutes} minute(s).`,
        'rate_limited',
      );
    }
    // Redis away: the run is stored QUEUED and StaleRunRequeuer hands it to the queue when Redis is back.
    await this.queue.enqueue(JobName.PracticeRun, decision.run.id).catch((error: Error) =>
      this.logger.warn({ runId: decision.run.id, error: error.message }, 'practice run stored but not queued yet'),
    );
    return toCandidateRun(decision.run);
  }

  async recent(invitation: CandidateInvitation): Promise<CandidateRun[]> {
    if (!invitation.attempt) return [];
    return (await this.repository.recent(invitation.attempt.id)).map(toCandidateRun);
  }

  async get(invitation: CandidateInvitation, runId: string): Promise<CandidateRun> {
    const run = invitation.attempt && (await this.repository.find(invitation.attempt.id, runId));
    if (!run) throw new NotFoundException('No such run.');
    return toCandidateRun(run);
  }

  /** The team's stream with the candidate's snapshot: the same visible-only filter applies to every event. */
  async stream(invitation: CandidateInvitation, runId: string): Promise<Observable<MessageEvent>> {
    const attemptId = (await this.get(invitation, runId)) && invitation.attempt!.id;
    return runEventStream(this.events.events(runId), async () => {
      const run = await this.repository.find(attemptId, runId);
      // The stream contract names RunView; the candidate's page parses these snapshots as CandidateRun.
      return run && (toCandidateRun(run) as never);
    });
  }
}
