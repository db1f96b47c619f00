import { JobName, type RunJobPayload } from '@takehome/jobs';
import type { RunExecutor } from '../runs/run-executor';
import type { JobContext, JobHandler } from './job-handler';

export class GradeSubmissionJob implements JobHandler<typeof JobName.GradeSubmission> {
  readonly name = JobName.GradeSubmission;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}

export class PracticeRunJob implements JobHandler<typeof JobName.PracticeRun> {
  readonly name = JobName.PracticeRun;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}

export class VerifyChallengeJob implements JobHandler<typeof JobName.VerifyChallenge> {
  readonly name = JobName.VerifyChallenge;
  constructor(private readonly runs: RunExecutor) {}
  handle(payload: RunJobPayload, context: JobContext) {
    return this.runs.execute(payload.runId, context);
  }
}
