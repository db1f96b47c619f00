import {
  buildRunInputs,
  ChallengeFormatError,
  loadChallenge,
  readSubmissionFolder,
  type Runtime,
  type SuiteName,
  toSandboxRequest,
} from '@takehome/challenge';
import { mergeResults, type RunResult } from '@takehome/sandbox';
import { randomUUID } from 'node:crypto';
import { CliError } from '../cli-error';
import { createRunner, progressPrinter } from '../sandbox';

export interface RunCommandOptions {
  runtime?: string;
  suite: string;
  json?: boolean;
}

/** `assess run`: grades a submission folder against a challenge with the worker's own runner. */
export async function runCommand(challengeDir: string, submissionDir: string, options: RunCommandOptions): Promise<RunResult> {
  const pkg = await loadChallenge(challengeDir).catch((error) => {
    if (error instanceof ChallengeFormatError) throw new CliError(error.message.replace(/\n\s*/g, ' '));
    throw error;
  });
  const runtime = (options.runtime ?? pkg.manifest.runtimes[0]) as Runtime;
  if (!pkg.manifest.runtimes.includes(runtime)) {
    throw new CliError(`unknown runtime "${runtime}": ${pkg.manifest.slug} supports ${pkg.manifest.runtimes.join(', ')}`);
  }
  if (!['visible', 'hidden', 'all'].includes(options.suite)) {
    throw new CliError(`unknown suite "${options.suite}": use visible, hidden or all`);
  }
  const files = await readSubmissionFolder(submissionDir).catch((error: Error) => {
    throw new CliError(`submission ${submissionDir}: ${error.message}`);
  });
  const suites: SuiteName[] = options.suite === 'all' ? ['visible', 'hidden'] : [options.suite as SuiteName];
  const runner = await createRunner();
  const results: RunResult[] = [];
  for (const suite of suites) {
    const inputs = buildRunInputs(pkg, runtime, suite, { files });
    const request = toSandboxRequest(inputs, `cli-${randomUUID().slice(0, 8)}-${suite}`);
    results.push(await runner.run(request, { onProgress: progressPrinter(Boolean(options.json)) }));
  }
  return mergeResults(results);
}
