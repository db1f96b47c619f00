import type { RunOptions, RunRequest, RunResult, SandboxRunner } from './sandbox-runner';

/**
 * The candidate's own tests, run in the submission image the way each runtime's catalogue entry says
 * (packages/challenge's RUNTIME_CATALOGUE[runtime].ownTests), reported as the platform's usual RunResult.
 * Only the candidate's files go in: no hidden test, no start command, no network.
 */
export interface OwnTestsRequest {
  runId: string;
  runtime: {
    /** the submission image: the own-test scripts and the offered libraries live there */
    image: string;
    libraries?: Record<string, string>;
  };
  ownTests: { command: readonly string[]; reportPath: string; format: RunRequest['reportFormat'] };
  files: Record<string, string>;
  limits: RunRequest['limits'];
}

export function ownTestsRunRequest(req: OwnTestsRequest): RunRequest {
  const command = [...req.ownTests.command];
  return {
    runId: req.runId,
    runtime: {
      image: req.runtime.image,
      runnerImage: req.runtime.image,
      // In-container runs never start the service; the schema still wants a start command.
      startCommand: command,
      ...(req.runtime.libraries ? { libraries: req.runtime.libraries } : {}),
    },
    mode: 'in-container',
    submissionFiles: req.files,
    testFiles: {},
    testCommand: command,
    reportFormat: req.ownTests.format,
    reportPath: req.ownTests.reportPath,
    limits: req.limits,
    // The candidate's own tests: every one of them is theirs to see.
    defaultVisibility: 'visible',
    skipped: 'exclude',
  };
}

/** Runs the candidate's own tests on any SandboxRunner; a test that does not compile shows up in the output. */
export function runOwnTests(runner: SandboxRunner, req: OwnTestsRequest, options?: RunOptions): Promise<RunResult> {
  return runner.run(ownTestsRunRequest(req), options);
}
