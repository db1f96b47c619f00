import { JobName, type RunJobPayload } from '@takehome/jobs';
import type { RunExecutor } from '../runs/run-executor';
import type { JobContext, JobHandler } from './job-handler';

export class GradeSubmissionJob implements JobHandler {
  readonly name = JobName.GradeSubmission;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}

export class PracticeRunJob implements JobHandler {
  readonly name = JobName.PracticeRun;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}

export class VerifyChallengeJob implements JobHandler {
  readonly name = JobName.VerifyChallenge;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}
