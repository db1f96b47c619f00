import type { RunRequest } from '@takehome/sandbox';
import type { Runtime } from './challenge-manifest.schema';
import type { SandboxRunInputs } from './run-inputs';

/**
 * The images each runtime runs in. Black-box suites are HTTP tests written for Node's test runner, whatever the
 * submission's language, so they always run in the Node runner; in-container suites run in the runtime's own
 * test image, beside the code.
 */
export const RUNTIME_IMAGES: Record<Runtime, { image: string; runnerImage: string }> = {
  node20: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner' },
  python3: { image: 'takehome/python3', runnerImage: 'takehome/python3-runner' },
};
const BLACK_BOX_RUNNER = 'takehome/node20-runner';

/** Platform-wide limits a challenge may raise (memory, CPU) but never remove. */
export const DEFAULT_LIMITS = { memoryMb: 512, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 256 * 1024 };

/** Turns a challenge's run inputs into the sandbox's request; the one place the two formats meet. */
export function toSandboxRequest(inputs: SandboxRunInputs, runId: string): RunRequest {
  return {
    runId,
    runtime: {
      image: RUNTIME_IMAGES[inputs.runtime].image,
      runnerImage: inputs.mode === 'black-box' ? BLACK_BOX_RUNNER : RUNTIME_IMAGES[inputs.runtime].runnerImage,
      startCommand: [...inputs.startCommand],
    },
    mode: inputs.mode,
    submissionFiles: inputs.submissionFiles,
    testFiles: inputs.testFiles,
    testCommand: [...inputs.testCommand],
    reportFormat: inputs.reportFormat,
    reportPath: inputs.reportPath,
    service: { port: inputs.service.port, readinessPath: inputs.service.readinessPath, readinessTimeoutMs: 15_000 },
    limits: {
      ...DEFAULT_LIMITS,
      memoryMb: inputs.limits?.memoryMb ?? DEFAULT_LIMITS.memoryMb,
      cpus: inputs.limits?.cpus ?? DEFAULT_LIMITS.cpus,
      timeoutMs: inputs.timeoutMs,
    },
    tests: inputs.tests,
    defaultVisibility: inputs.defaultVisibility,
    skipped: inputs.skipped,
  };
}
