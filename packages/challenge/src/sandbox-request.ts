import type { RunRequest } from '@takehome/sandbox';
import type { Runtime } from './challenge-manifest.schema';
import type { SandboxRunInputs, SandboxServices } from './run-inputs';
import { RUNTIME_CATALOGUE } from './runtime-catalogue';

/**
 * The images each runtime runs in. Black-box suites are HTTP tests written for Node's test runner, whatever the
 * submission's language, so they always run in the Node runner; in-container suites run in the runtime's own
 * test image, beside the code.
 */
export const RUNTIME_IMAGES = Object.fromEntries(
  Object.entries(RUNTIME_CATALOGUE).map(([runtime, { image, runnerImage }]) => [runtime, { image, runnerImage }]),
) as Record<Runtime, { image: string; runnerImage: string }>;
const BLACK_BOX_RUNNER = 'takehome/node20-runner';

/** Platform-wide limits a challenge may raise (memory, CPU) but never remove. */
export const DEFAULT_LIMITS = { memoryMb: 512, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 256 * 1024, buildSeconds: 120 };

/** Turns a challenge's run inputs into the sandbox's request; the one place the two formats meet. */
export function toSandboxRequest(inputs: SandboxRunInputs, runId: string): RunRequest {
  return {
    runId,
    runtime: {
      image: RUNTIME_IMAGES[inputs.runtime].image,
      // The candidate's own tests run in the submission image: each runtime's own-tests tooling and offered libraries live there.
      runnerImage: inputs.mode === 'black-box' ? BLACK_BOX_RUNNER : inputs.suite === 'own' ? RUNTIME_IMAGES[inputs.runtime].image : RUNTIME_IMAGES[inputs.runtime].runnerImage,
      startCommand: [...inputs.startCommand],
      ...(inputs.buildCommand ? { buildCommand: [...inputs.buildCommand] } : {}),
      libraries: { ...RUNTIME_CATALOGUE[inputs.runtime].libraries },
    },
    mode: inputs.mode,
    submissionFiles: inputs.submissionFiles,
    testFiles: inputs.testFiles,
    testCommand: [...inputs.testCommand],
    reportFormat: inputs.reportFormat,
    reportPath: inputs.reportPath,
    service: { port: inputs.service.port, readinessPath: inputs.service.readinessPath, readinessTimeoutMs: 15_000 },
    limits: {
      pids: DEFAULT_LIMITS.pids,
      workspaceMb: DEFAULT_LIMITS.workspaceMb,
      outputBytes: DEFAULT_LIMITS.outputBytes,
      buildTimeoutMs: (inputs.limits?.buildSeconds ?? DEFAULT_LIMITS.buildSeconds) * 1000,
      memoryMb: inputs.limits?.memoryMb ?? DEFAULT_LIMITS.memoryMb,
      cpus: inputs.limits?.cpus ?? DEFAULT_LIMITS.cpus,
      timeoutMs: inputs.timeoutMs,
    },
    ...(inputs.services ? { services: sidecarRequest(inputs.services) } : {}),
    tests: inputs.tests,
    defaultVisibility: inputs.defaultVisibility,
    skipped: inputs.skipped,
  };
}

/** Sidecar images follow the declared version (docker/sidecars/rootfs.sh builds takehome/postgres15, takehome/redis7). */
function sidecarRequest(services: SandboxServices): NonNullable<RunRequest['services']> {
  return {
    ...(services.postgres ? { postgres: { ...services.postgres, image: `takehome/postgres${services.postgres.version}`, extensions: [...services.postgres.extensions] } } : {}),
    ...(services.redis ? { redis: { image: `takehome/redis${services.redis.version}`, version: services.redis.version } } : {}),
  };
}
