import type { RunKind } from '@takehome/contracts';
import { z } from 'zod';

/**
 * Every queue, job name and payload the platform uses, in one place, shared by the API (producer) and the
 * worker (consumer). A worker refuses to start when a job name here has no handler.
 */
export const QueueName = {
  Grading: 'grading',
  Practice: 'practice',
  // Suite verifications run for minutes (every mutant, N times): their own queue keeps them from holding a
  // grading slot while candidates wait for grades.
  Verification: 'verification',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  GradeSubmission: 'grade-submission',
  VerifyChallenge: 'verify-challenge',
  PracticeRun: 'practice-run',
  VerifySuites: 'verify-suites',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Jobs carry only the run's id: the run row is the source of truth, so a re-delivered job stores one result. */
export const runJobPayload = z.object({ runId: z.uuid() });
export type RunJobPayload = z.infer<typeof runJobPayload>;

/** A suite verification's row is its source of truth in the same way. */
export const suiteVerificationJobPayload = z.object({ suiteVerificationId: z.uuid() });
export type SuiteVerificationJobPayload = z.infer<typeof suiteVerificationJobPayload>;

export const jobPayloads = {
  [JobName.GradeSubmission]: runJobPayload,
  [JobName.VerifyChallenge]: runJobPayload,
  [JobName.PracticeRun]: runJobPayload,
  [JobName.VerifySuites]: suiteVerificationJobPayload,
} satisfies Record<JobName, z.ZodType>;
export type JobPayload<N extends JobName = JobName> = z.infer<(typeof jobPayloads)[N]>;

export const jobQueue: Record<JobName, QueueName> = {
  [JobName.GradeSubmission]: QueueName.Grading,
  [JobName.VerifyChallenge]: QueueName.Grading,
  [JobName.PracticeRun]: QueueName.Practice,
  [JobName.VerifySuites]: QueueName.Verification,
};

/** Which job runs a run of each kind: the one mapping the API's enqueue and its stale-run sweep share. */
export const jobForRunKind: Record<RunKind, JobName> = {
  GRADING: JobName.GradeSubmission,
  VERIFICATION: JobName.VerifyChallenge,
  PRACTICE: JobName.PracticeRun,
};

/**
 * Per-job options. jobId = runId makes enqueueing idempotent; retries with backoff are for infrastructure
 * faults only (the processor turns a candidate's failing code into a stored result, never a thrown error).
 */
export function jobOptions(name: JobName, payload: JobPayload) {
  return {
    // BullMQ reserves ":" in custom ids.
    jobId: `${name}.${'runId' in payload ? payload.runId : payload.suiteVerificationId}`,
    // Within the grading queue a candidate's grade goes before a challenge author's verification run.
    priority: name === JobName.VerifyChallenge ? 5 : 1,
    // A suite verification restarts from its first run when retried; a run of minutes is not retried twice.
    attempts: name === JobName.VerifySuites ? 2 : 3,
    backoff: { type: 'exponential' as const, delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** Progress events published on this channel let the API stream a run's state to the browser. */
export const runEventsChannel = (runId: string) => `takehome:run-events:${runId}`;

/**
 * Workers announce themselves with a key that expires unless refreshed, so health can count live workers; each
 * beat carries the state of the Docker engine the worker drives, which the API reports where it has no engine
 * of its own (the compose deployment gives the socket to workers only).
 */
export const WORKER_HEARTBEAT_PREFIX = 'takehome:worker:';
export const WORKER_HEARTBEAT_TTL_SECONDS = 15;
export const workerHeartbeat = z.object({
  at: z.string(),
  docker: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number(), error: z.string().optional() }).optional(),
});
export type WorkerHeartbeat = z.infer<typeof workerHeartbeat>;

/**
 * Queues belong to a database: the BullMQ key prefix is derived from the database name, so an API and a worker
 * pointing at the same database share queues, and two deployments (or two test databases) sharing one Redis
 * never take each other's jobs. QUEUE_PREFIX overrides it.
 */
export function queuePrefix(databaseUrl: string, override?: string): string {
  if (override) return override;
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'default';
  return `takehome:${name}`;
}
export * from './workbench-relay';
