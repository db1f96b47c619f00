import { testVisibility } from '@takehome/contracts';
import { z } from 'zod';

// The contract every sandbox engine implements. Callers (CLI, worker) depend only on this file, so another
// engine (Kubernetes Jobs, gVisor) can sit beside the Docker one without touching them.

// The platform's one visibility enum (packages/contracts); the engine only carries it through.
export const visibilitySchema = testVisibility;
export type Visibility = z.infer<typeof visibilitySchema>;

/** init SQL travels to the sidecar in an exec's environment, where one variable may hold at most 128 KiB. */
export const INIT_SQL_MAX_BYTES = 120 * 1024;

// Paths are relative to the container workspace; the tar builder rejects anything escaping it.
const filesSchema = z.record(z.string().min(1), z.string());

/** Sidecars on the run's internal network (docker/sidecars.ts); absent: none, and in-container runs keep network none. */
export const sidecarServicesSchema = z.object({
  postgres: z
    .object({
      image: z.string().min(1).default('takehome/postgres15'),
      version: z.string().default('15'),
      extensions: z.array(z.string().regex(/^[a-z0-9_-]+$/, 'extension names: a-z 0-9 _ -')).default([]),
      /** run in database app as role app before the service starts; goes through an exec env (<128 KB) */
      initSql: z.string().max(INIT_SQL_MAX_BYTES).optional(),
      /** the file it came from, named in diagnostics */
      initPath: z.string().optional(),
      testAccess: z.enum(['none', 'read-only']).default('none'),
    })
    .optional(),
  redis: z.object({ image: z.string().min(1).default('takehome/redis7'), version: z.string().default('7') }).optional(),
});
export type SidecarServices = z.output<typeof sidecarServicesSchema>;

export const runRequestSchema = z.object({
  // Becomes part of container, volume and network names, hence the strict alphabet.
  runId: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, 'runId: letters, digits, _ . - (max 63)'),
  runtime: z.object({
    image: z.string().min(1),
    runnerImage: z.string().min(1),
    startCommand: z.array(z.string()).min(1),
    /** compiled runtimes: runs in the submission's container before it starts, under limits.buildTimeoutMs */
    buildCommand: z.array(z.string()).min(1).optional(),
    /** what the image offers offline (name -> version): a missing package in the output is named against it */
    libraries: z.record(z.string(), z.string()).optional(),
  }),
  mode: z.enum(['black-box', 'in-container']),
  submissionFiles: filesSchema,
  testFiles: filesSchema,
  testCommand: z.array(z.string()).min(1),
  reportFormat: z.enum(['junit', 'ctrf', 'gradescope']),
  reportPath: z.string().min(1),
  service: z
    .object({
      port: z.number().int().min(1).max(65535).default(3000),
      readinessPath: z.string().startsWith('/').default('/'),
      readinessTimeoutMs: z.number().int().positive().default(10_000),
    })
    .default({ port: 3000, readinessPath: '/', readinessTimeoutMs: 10_000 }),
  limits: z.object({
    timeoutMs: z.number().int().positive(),
    memoryMb: z.number().int().min(16),
    cpus: z.number().positive(),
    pids: z.number().int().min(8),
    workspaceMb: z.number().int().positive(),
    outputBytes: z.number().int().positive(),
    /** the build's own wall-clock limit, separate from timeoutMs (which starts once the build is done) */
    buildTimeoutMs: z.number().int().positive().default(120_000),
  }),
  services: sidecarServicesSchema.optional(),
  tests: z
    .record(z.string(), z.object({ weight: z.number().min(0).optional(), visibility: visibilitySchema.optional() }))
    .optional(),
  defaultVisibility: visibilitySchema.default('visible'),
  // exclude: a skipped test counts for nothing either way; fail: it counts against the maximum like a failure.
  skipped: z.enum(['exclude', 'fail']).default('exclude'),
});
export type RunRequest = z.input<typeof runRequestSchema>;
export type ParsedRunRequest = z.output<typeof runRequestSchema>;

// build_failed: the build command failed or overran its limit; the output is the compiler's, no test ran.
export const runStatusSchema = z.enum(['completed', 'timeout', 'error', 'oom', 'not_ready', 'build_failed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** skipped: skipped, todo or pending in the report; worth nothing and, unless the suite says otherwise, out of the maximum. */
export const testStatusSchema = z.enum(['passed', 'failed', 'skipped']);
export type TestStatus = z.infer<typeof testStatusSchema>;

/** The engine's own output (snake_case, as `assess run --json` prints it); the worker maps it to RunTest once. */
export const testResultSchema = z.object({
  name: z.string(),
  status: testStatusSchema,
  score: z.number(),
  max_score: z.number(),
  output: z.string(),
  visibility: visibilitySchema,
});
export type TestResult = z.infer<typeof testResultSchema>;

export const runResultSchema = z.object({
  status: runStatusSchema,
  score: z.number(),
  max_score: z.number(),
  /** milliseconds from the start of the submission/test phase to its end */
  execution_time: z.number(),
  /** submission stdout/stderr (capped) followed by diagnostics */
  output: z.string(),
  tests: z.array(testResultSchema),
  /** sidecar name (postgres, redis) -> last 32 KB of its log; only when the request had services */
  service_logs: z.record(z.string(), z.string()).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export type RunPhase = 'preparing' | 'starting' | 'building' | 'waiting_ready' | 'testing' | 'collecting' | 'cleanup';
export interface RunProgress {
  runId: string;
  phase: RunPhase;
  message: string;
}

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void;
  /** aborting kills the run's containers; the result then has status 'error' */
  signal?: AbortSignal;
  /**
   * Called once with the results (one per request) as soon as they are known, before the run's containers,
   * volumes and network are removed, so whoever waits for a grade does not also wait for the clean-up. The run
   * still resolves only once everything is removed; an error thrown here is the run's error (after clean-up).
   */
  onResults?: (results: RunResult[]) => Promise<void>;
}

export interface SandboxRunner {
  run(request: RunRequest, options?: RunOptions): Promise<RunResult>;
  /**
   * Several suites of one submission, one result each in order. An engine may run them against one boot of the
   * service (black-box); without this method, callers run each request on its own.
   */
  runSuites?(requests: RunRequest[], options?: RunOptions): Promise<RunResult[]>;
}

/**
 * Several suites of one submission, each a whole run of its own (its own boot and clean-up), after the `done`
 * ones: for an engine without runSuites, or suites that cannot share a boot. onResults hears once, about all.
 */
export async function runEachOnItsOwn(runner: SandboxRunner, requests: RunRequest[], options: RunOptions = {}, done: RunResult[] = []): Promise<RunResult[]> {
  const { onResults, ...each } = options;
  const results = [...done];
  for (const request of requests.slice(results.length)) results.push(await runner.run(request, each));
  await onResults?.(results);
  return results;
}
