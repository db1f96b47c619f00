import { exitOnConfigError } from '@takehome/config';
import { createPrismaClient } from '@takehome/db';
import { JobName, QueueName, queuePrefix } from '@takehome/jobs';
import { createDockerClient, createEngineProbeClient, createSandboxConfig, DockerSandboxRunner, DockerWorkbenchSessions, reapLeftovers, SandboxConfigError } from '@takehome/sandbox';
import { Redis } from 'ioredis';
import { cpus, hostname } from 'node:os';
import { governConcurrency } from './concurrency-governor';
import { EngineWatch } from './engine-watch';
import { startHeartbeat } from './heartbeat';
import { createJobRegistry } from './jobs/job-registry';
import { GradeSubmissionJob, PracticeRunJob, VerifyChallengeJob } from './jobs/run-job-handlers';
import { VerifySuitesJob } from './jobs/suite-verification-job';
import { createLogger } from './logger';
import { WorkerMetrics } from './metrics/worker-metrics';
import { startQueueWorkers } from './queue-workers';
import { RunEvents } from './runs/run-events';
import { RunExecutor } from './runs/run-executor';
import { RunRepository } from './runs/run.repository';
import { TrackedSandbox } from './runs/tracked-sandbox';
import { WorkbenchRelay } from './workbench/workbench-relay';
import { SuiteVerificationRepository } from './suite-verifications/suite-verification.repository';
import { SuiteVerifier } from './suite-verifications/suite-verifier';
import { loadWorkerConfig } from './worker-config';

async function main() {
  const config = exitOnConfigError(() => loadWorkerConfig());
  const sandboxConfig = loadSandboxConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const workerId = config.WORKER_ID ?? `${hostname()}-${process.pid}`;

  const docker = createDockerClient(sandboxConfig);
  await docker.ping().catch((error: Error) => {
    logger.fatal({ err: error.message }, 'Docker engine not reachable (DOCKER_HOST or SANDBOX_DOCKER_SOCKET)');
    process.exit(1);
  });
  // A worker that crashed mid-run leaves containers behind; only those of dead processes go, so workers
  // sharing this engine keep their live runs.
  const reaped = await reapLeftovers(docker);
  if (reaped.containers + reaped.networks + reaped.volumes > 0) logger.info(reaped, 'removed leftovers of earlier runs');

  // BullMQ needs maxRetriesPerRequest: null on its blocking connection, or it gives up on a Redis blip.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  await redis.ping().catch((error: Error) => {
    logger.fatal({ err: error.message }, 'Redis not reachable (REDIS_URL)');
    process.exit(1);
  });
  const gradingMax = config.WORKER_GRADING_CONCURRENCY ?? config.WORKER_GRADING_MAX_CONCURRENCY;
  // Adaptive grading starts at one run per core and the governor never goes below that.
  const gradingMin = Math.min(cpus().length, gradingMax);
  const prisma = createPrismaClient(config.DATABASE_URL, {
    poolSize: gradingMax + config.WORKER_PRACTICE_CONCURRENCY + config.WORKER_VERIFICATION_CONCURRENCY + 2,
  });

  const metrics = new WorkerMetrics();
  // Declared before the watch it uses, which is created with the queue workers below.
  let engine: EngineWatch | undefined;
  const dockerRunner = new DockerSandboxRunner(sandboxConfig, docker);
  const sandbox = new TrackedSandbox(
    dockerRunner,
    (runId) => reapLeftovers(docker, runId),
    async () => (engine ? engine.check() : true),
  );
  const executor = new RunExecutor(new RunRepository(prisma), sandbox, new RunEvents(redis), logger, undefined, metrics);
  const suiteVerifier = new SuiteVerifier(new SuiteVerificationRepository(prisma), sandbox, logger);
  const registry = createJobRegistry([
    new GradeSubmissionJob(executor),
    new PracticeRunJob(executor),
    new VerifyChallengeJob(executor),
    new VerifySuitesJob(suiteVerifier),
  ]);
  // Set once the queue workers exist; the watch only acts on them after that.
  let workers: ReturnType<typeof startQueueWorkers> = [];
  const probe = createEngineProbeClient(sandboxConfig);
  engine = new EngineWatch({
    ping: () => probe.ping(),
    intervalMs: config.WORKER_ENGINE_PROBE_MS,
    logger,
    onDown: async () => {
      await Promise.all(workers.map((w) => w.pause(true)));
    },
    onUp: async () => {
      // Runs lost with the engine left their containers on it (their own clean-up could not reach it), and so
      // did any other worker that died meanwhile; clear both before taking jobs again.
      const runs = await sandbox.reapFailed();
      const reaped = await reapLeftovers(docker);
      logger.info({ runs, ...reaped }, 'cleared what runs lost with the engine left on it');
      await Promise.all(workers.map((w) => w.resume()));
    },
  });
  workers = startQueueWorkers({
    connection: redis,
    prefix: queuePrefix(config.DATABASE_URL, config.QUEUE_PREFIX),
    registry,
    concurrency: {
      [QueueName.Grading]: config.WORKER_GRADING_CONCURRENCY ?? gradingMin,
      [QueueName.Practice]: config.WORKER_PRACTICE_CONCURRENCY,
      [QueueName.Verification]: config.WORKER_VERIFICATION_CONCURRENCY,
    },
    lockDurationMs: config.WORKER_LOCK_MS,
    logger,
    engine,
    onJobStarted: (queue, queuedAt, startedAt) => metrics.jobStarted(queue, queuedAt, startedAt),
    onGaveUp: (job, error) =>
      job.name === JobName.VerifySuites
        ? suiteVerifier.failForInfrastructure(String(job.data?.suiteVerificationId), error, job.attemptsMade)
        : executor.failForInfrastructure(String(job.data?.runId), error, job.attemptsMade),
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  engine.start();
  const stopGovernor = config.WORKER_GRADING_CONCURRENCY
    ? () => undefined
    : governConcurrency(workers.filter((w) => w.name === QueueName.Grading), { min: gradingMin, max: gradingMax, memoryPerRunMb: config.WORKER_RUN_MEMORY_MB }, 1000, undefined,
        (concurrency, host) => logger.debug({ concurrency, idle: host.idle, freeMb: Math.round(host.freeMb) }, 'grading concurrency'));
  const metricsServer = config.WORKER_METRICS_PORT ? metrics.serve(config.WORKER_METRICS_PORT, config.WORKER_METRICS_HOST) : undefined;
  const workbench = new WorkbenchRelay(
    new DockerWorkbenchSessions(sandboxConfig, docker),
    redis,
    new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
    {
      prefix: queuePrefix(config.DATABASE_URL, config.QUEUE_PREFIX),
      workerId,
      maxSessions: config.WORKER_WORKBENCH_SESSIONS,
      idleMs: config.WORKBENCH_IDLE_SECONDS * 1000,
      maxLifetimeMs: config.WORKBENCH_MAX_MINUTES * 60_000,
    },
    logger,
  );
  workbench.start();
  const stopHeartbeat = startHeartbeat(redis, workerId, { pid: process.pid, queues: Object.values(QueueName) }, () => docker.ping());
  logger.info({ workerId, queuePrefix: queuePrefix(config.DATABASE_URL, config.QUEUE_PREFIX), grading: config.WORKER_GRADING_CONCURRENCY ?? `adaptive, ${gradingMin}-${gradingMax}`, practice: config.WORKER_PRACTICE_CONCURRENCY }, 'worker ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    engine.stop();
    logger.info({ signal }, 'worker stopping: finishing active runs');
    // close() waits for active jobs, so a deploy never abandons a run halfway.
    await Promise.all([...workers.map((w) => w.close()), workbench.stop()]);
    await dockerRunner.close().catch((error: Error) => logger.warn({ err: error.message }, 'sandboxes booted ahead not all removed'));
    stopGovernor();
    await stopHeartbeat();
    metricsServer?.close();
    await prisma.$disconnect();
    redis.disconnect();
    logger.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function loadSandboxConfig() {
  try {
    return createSandboxConfig(process.env);
  } catch (error) {
    if (!(error instanceof SandboxConfigError)) throw error;
    process.stderr.write(`worker: ${error.message}\n`);
    process.exit(1);
  }
}

void main();
