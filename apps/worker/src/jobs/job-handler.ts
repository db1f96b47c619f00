import type { JobName, JobPayload } from '@takehome/jobs';

export interface JobContext {
  jobId: string;
  /** 1 for the first delivery; higher after an infrastructure retry or a stalled-job recovery. */
  attempt: number;
}

/** One class per job name; each stays thin and delegates to a service. */
export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  handle(payload: JobPayload<N>, context: JobContext): Promise<void>;
}
