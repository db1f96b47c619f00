import type { MutantOutcome, RuntimeSuiteOutcome, SuiteVerificationResult } from '@takehome/contracts';
import type { RunResult, SandboxRunner } from '@takehome/sandbox';
import { randomUUID } from 'node:crypto';
import type { Runtime, SuiteName } from './challenge-manifest.schema';
import type { ChallengePackage } from './challenge-package';
import { applyMutant, type Mutant } from './mutants';
import { buildRunInputs, type SubmissionSource } from './run-inputs';
import { toSandboxRequest } from './sandbox-request';

/**
 * The checks that prove a challenge's suites, shared by `assess challenge validate` and the worker's suite
 * verification: the reference solution must pass both suites on every run, and every mutant must lose points
 * on every run of the hidden suite. A catch on some runs only is flaky: a grade that depends on luck misleads
 * reviewers as much as a miss does.
 */

export interface SuiteCheckOptions {
  runs: number;
  runtimes: Runtime[];
  /** Called after every sandbox run with its wall time, so a caller can show progress and an estimate. */
  onRun?: (durationMs: number) => Promise<void> | void;
}

/** How many sandbox runs a check will make: the estimate's denominator. */
export function suiteCheckRunCount(mutants: Mutant[], runs: number, runtimes: string[]): number {
  return runtimes.reduce((sum, r) => sum + runs * (2 + mutants.filter((m) => m.runtime === r).length), 0);
}

export async function checkSuites(pkg: ChallengePackage, mutants: Mutant[], runner: SandboxRunner, options: SuiteCheckOptions): Promise<SuiteVerificationResult> {
  const runtimes: RuntimeSuiteOutcome[] = [];
  for (const runtime of options.runtimes) {
    const reference = [];
    for (const suite of ['visible', 'hidden'] as const) reference.push(await checkReference(pkg, runtime, suite, runner, options));
    const outcomes: MutantOutcome[] = [];
    for (const mutant of mutants.filter((m) => m.runtime === runtime)) outcomes.push(await checkMutant(pkg, mutant, runner, options));
    runtimes.push({
      runtime,
      reference,
      mutants: outcomes,
      killRate: { killed: outcomes.filter((m) => m.verdict === 'killed').length, total: outcomes.length },
    });
  }
  return { runtimes };
}

/** One sandbox run of a suite over a submission, timed. */
export async function runSuite(pkg: ChallengePackage, runtime: Runtime, suite: SuiteName, source: SubmissionSource, runner: SandboxRunner) {
  const started = performance.now();
  const inputs = buildRunInputs(pkg, runtime, suite, source);
  const result = await runner.run(toSandboxRequest(inputs, `check-${randomUUID().slice(0, 8)}-${suite}`));
  return { result, durationMs: Math.round(performance.now() - started) };
}

async function checkReference(pkg: ChallengePackage, runtime: Runtime, suite: SuiteName, runner: SandboxRunner, options: SuiteCheckOptions) {
  const results: RunResult[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const { result, durationMs } = await runSuite(pkg, runtime, suite, 'solution', runner);
    results.push(result);
    await options.onRun?.(durationMs);
  }
  const failedOn = new Map<string, number>();
  for (const r of results) {
    for (const t of r.tests) if (t.status === 'failed') failedOn.set(t.name, (failedOn.get(t.name) ?? 0) + 1);
    if (r.status !== 'completed') failedOn.set(`(run ${r.status})`, (failedOn.get(`(run ${r.status})`) ?? 0) + 1);
  }
  const all = [...failedOn.entries()];
  return {
    suite: suite as 'visible' | 'hidden',
    runs: options.runs,
    passedRuns: results.filter(passedAll).length,
    failingTests: all.filter(([, n]) => n === options.runs).map(([name]) => name),
    flakyTests: all.filter(([, n]) => n < options.runs).map(([name]) => name),
  };
}

/** A mutant is killed on a run when it loses points; killed on every run is the only pass. */
export async function checkMutant(pkg: ChallengePackage, mutant: Mutant, runner: SandboxRunner, options: Pick<SuiteCheckOptions, 'runs' | 'onRun'>): Promise<MutantOutcome> {
  const base = { name: mutant.name, models: mutant.models, targets: mutant.targets, runs: options.runs };
  let files;
  try {
    files = applyMutant(pkg.solutions[mutant.runtime as Runtime] ?? {}, mutant);
  } catch (e) {
    // Its runs are still counted as done, so progress reaches the total.
    for (let i = 0; i < options.runs; i += 1) await options.onRun?.(0);
    return { ...base, verdict: 'broken', caught: 0, caughtBy: [], error: (e as Error).message };
  }
  let caught = 0;
  const caughtBy = new Set<string>();
  for (let i = 0; i < options.runs; i += 1) {
    const { result, durationMs } = await runSuite(pkg, mutant.runtime as Runtime, 'hidden', { files }, runner);
    if (!passedAll(result)) caught += 1;
    for (const t of result.tests) if (t.status === 'failed') caughtBy.add(t.name);
    if (result.status !== 'completed') caughtBy.add(`(run ${result.status})`);
    await options.onRun?.(durationMs);
  }
  const verdict = caught === options.runs ? 'killed' : caught === 0 ? 'survived' : 'flaky';
  return { ...base, verdict, caught, caughtBy: [...caughtBy] };
}

const passedAll = (r: RunResult) => r.status === 'completed' && r.max_score > 0 && r.score >= r.max_score;
