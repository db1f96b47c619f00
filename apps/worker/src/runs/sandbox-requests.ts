import { buildOwnTestInputs, buildRunInputs, type ChallengePackage, type Runtime, type SuiteName, toSandboxRequest } from '@takehome/challenge';
import type { RunRequest } from '@takehome/sandbox';
import type { RunForExecution } from './run.repository';

/**
 * One sandbox request per suite the run covers ("all" is the visible suite, then the hidden one). "own" is a
 * candidate's own tests: their files and the runtime's test command, none of the challenge's test files.
 */
export function buildSandboxRequests(run: RunForExecution, pkg: ChallengePackage): RunRequest[] {
  const files = run.files as Record<string, string>;
  if (run.suite === 'own') return [toSandboxRequest(buildOwnTestInputs(pkg, run.runtime as Runtime, files), `${run.id}-own`)];
  const suites: SuiteName[] = run.suite === 'all' ? ['visible', 'hidden'] : [run.suite as SuiteName];
  return suites.map((suite) => {
    const inputs = buildRunInputs(pkg, run.runtime as Runtime, suite, { files });
    return toSandboxRequest(inputs, `${run.id}-${suite}`);
  });
}
