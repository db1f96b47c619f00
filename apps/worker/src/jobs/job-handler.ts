import type { JobName, RunJobPayload } from '@takehome/jobs';

export interface JobContext {
  jobId: string;
  /** 1 for the first delivery; higher after an infrastructure retry or a stalled-job recovery. */
  attempt: number;
}

/** One class per job name; each stays thin and delegates to a service. */
export interface JobHandler {
  readonly name: JobName;
  handle(payload: RunJobPayload, context: JobContext): Promise<void>;
}
