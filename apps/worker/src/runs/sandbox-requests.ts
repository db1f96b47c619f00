import { buildRunInputs, type ChallengePackage, type Runtime, type SuiteName, toSandboxRequest } from '@takehome/challenge';
import type { RunRequest } from '@takehome/sandbox';
import type { RunForExecution } from './run.repository';

/** One sandbox request per suite the run covers ("all" is the visible suite, then the hidden one). */
export function buildSandboxRequests(run: RunForExecution, pkg: ChallengePackage): RunRequest[] {
  const suites: SuiteName[] = run.suite === 'all' ? ['visible', 'hidden'] : [run.suite as SuiteName];
  return suites.map((suite) => {
    const inputs = buildRunInputs(pkg, run.runtime as Runtime, suite, { files: run.files as Record<string, string> });
    return toSandboxRequest(inputs, `${run.id}-${suite}`);
  });
}
