import {
  buildRunInputs,
  checkMutant,
  loadMutants,
  type Mutant,
  type ChallengePackage,
  loadChallenge,
  type Runtime,
  type SubmissionSource,
  type SuiteName,
  toSandboxRequest,
} from '@takehome/challenge';
import { MISSING_TEST_OUTPUT, type RunResult, type SandboxRunner } from '@takehome/sandbox';
import { randomUUID } from 'node:crypto';
import { createRunner } from '../sandbox';

export interface ValidationCheck {
  runtime: Runtime;
  what: string;
  ok: boolean;
  /** Worth the author's attention without making the package invalid. */
  warning?: boolean;
  detail: string;
  durationMs: number;
}

type Report = (check: ValidationCheck) => void;

export interface ValidateOptions {
  only?: Runtime;
  /** Hidden-suite runs per mutant; 0 skips mutants. */
  mutantRuns?: number;
}

export const DEFAULT_MUTANT_RUNS = 5;

/**
 * `assess challenge validate`: the format first, then for every runtime the starter (must start, must not
 * already pass the hidden suite), the reference solution (must pass everything, twice, identically) and each
 * mutant (must lose points on every one of N hidden-suite runs).
 */
export async function validateChallenge(dir: string, report: Report, options: ValidateOptions = {}): Promise<boolean> {
  const { only, mutantRuns = DEFAULT_MUTANT_RUNS } = options;
  const pkg = await loadChallenge(dir); // a ChallengeFormatError lists every located problem
  const mutants = await loadMutants(dir);
  const runner = await createRunner();
  let ok = true;
  const check = (c: ValidationCheck) => {
    ok &&= c.ok;
    report(c);
  };
  for (const runtime of pkg.manifest.runtimes.filter((r) => !only || r === only)) {
    await validateStarter(pkg, runtime, runner, check);
    await validateSolution(pkg, runtime, runner, check);
    await validateGrading(pkg, runtime, runner, check);
    if (mutantRuns > 0) await validateMutants(pkg, runtime, mutants.filter((m) => m.runtime === runtime), mutantRuns, runner, check);
  }
  for (const m of mutants.filter((m) => !(pkg.manifest.runtimes as string[]).includes(m.runtime))) {
    check({ runtime: m.runtime as Runtime, what: `mutant ${m.name}`, ok: false, detail: `runtime ${m.runtime} is not listed in challenge.yaml runtimes`, durationMs: 0 });
  }
  return ok;
}

async function run(runner: SandboxRunner, pkg: ChallengePackage, runtime: Runtime, suite: SuiteName, source: SubmissionSource) {
  const started = performance.now();
  const inputs = buildRunInputs(pkg, runtime, suite, source);
  const result = await runner.run(toSandboxRequest(inputs, `validate-${randomUUID().slice(0, 8)}-${suite}`));
  return { result, durationMs: Math.round(performance.now() - started) };
}

async function validateStarter(pkg: ChallengePackage, runtime: Runtime, runner: SandboxRunner, check: Report) {
  const { result, durationMs } = await run(runner, pkg, runtime, 'hidden', 'starter');
  const started = result.status === 'completed';
  check({
    runtime,
    what: 'starter builds and starts',
    ok: started,
    detail: started ? 'service became ready and the suite ran' : `${result.status}: ${lastLine(result.output)}`,
    durationMs,
  });
  if (!started) return;
  const passesAll = result.max_score > 0 && result.score >= result.max_score;
  check({
    runtime,
    what: 'starter does not already pass the hidden suite',
    ok: !passesAll,
    detail: `${passed(result)} hidden tests pass on the starter`,
    durationMs: 0,
  });
}

async function validateSolution(pkg: ChallengePackage, runtime: Runtime, runner: SandboxRunner, check: Report) {
  for (const suite of ['visible', 'hidden'] as const) {
    const first = await run(runner, pkg, runtime, suite, 'solution');
    // An override naming no reported test is listed as a missing, failed test; it gets its own warning below.
    const unmatched = first.result.tests.filter((t) => t.output === MISSING_TEST_OUTPUT).map((t) => t.name);
    const failing = first.result.tests.filter((t) => t.status === 'failed' && !unmatched.includes(t.name)).map((t) => t.name);
    const allPass = first.result.status === 'completed' && failing.length === 0 && first.result.tests.length > 0;
    check({
      runtime,
      what: `reference solution passes the ${suite} suite`,
      ok: allPass,
      detail: allPass
        ? `${passed(first.result)} tests`
        : `${first.result.status}; failing: ${failing.join(', ') || lastLine(first.result.output)}`,
      durationMs: first.durationMs,
    });
    if (first.result.status === 'completed' && unmatched.length > 0) {
      check({
        runtime,
        what: `every override in suites.${suite}.tests names a reported test`,
        ok: true,
        warning: true,
        detail: `no test in the report is named ${unmatched.map((n) => JSON.stringify(n)).join(', ')}; names read "classname > name" as the report writes them (${reportedNames(first.result)})`,
        durationMs: 0,
      });
    }
    const second = await run(runner, pkg, runtime, suite, 'solution');
    const flaky = differingTests(first.result, second.result);
    check({
      runtime,
      what: `${suite} suite gives the same outcome on a second run`,
      ok: flaky.length === 0,
      detail: flaky.length === 0 ? 'no flaky test' : `flaky: ${flaky.join(', ')}`,
      durationMs: second.durationMs,
    });
  }
}

/**
 * A grading runs every suite against one boot of the service (the engine's runSuites): the reference solution
 * must still pass everything when the suites follow one another on the same running service.
 */
async function validateGrading(pkg: ChallengePackage, runtime: Runtime, runner: SandboxRunner, check: Report) {
  if (!runner.runSuites) return;
  const started = performance.now();
  const id = `validate-${randomUUID().slice(0, 8)}`;
  const requests = (['visible', 'hidden'] as const).map((suite) => toSandboxRequest(buildRunInputs(pkg, runtime, suite, 'solution'), `${id}-${suite}`));
  const results = await runner.runSuites(requests);
  const failing = results.flatMap((r) => r.tests.filter((t) => t.status === 'failed' && t.output !== MISSING_TEST_OUTPUT).map((t) => t.name));
  const ok = results.every((r) => r.status === 'completed' && r.tests.length > 0) && failing.length === 0;
  check({
    runtime,
    what: 'reference solution passes both suites on one boot, as a grading runs them',
    ok,
    detail: ok ? `${results.map(passed).join(' + ')} tests` : `${results.map((r) => r.status).join(', ')}; failing: ${failing.join(', ') || lastLine(results.map((r) => r.output).join('\n'))}`,
    durationMs: Math.round(performance.now() - started),
  });
}

/**
 * A mutant is killed on a run when it loses points. Killed on every run is the only pass: a catch on some runs
 * only is luck, and a grade that depends on luck misleads reviewers as much as a miss does.
 */
async function validateMutants(pkg: ChallengePackage, runtime: Runtime, mutants: Mutant[], runs: number, runner: SandboxRunner, check: Report) {
  if (mutants.length === 0) {
    check({ runtime, what: 'the hidden suite is proven by mutants', ok: true, warning: true, detail: `no mutants in mutants/${runtime}/`, durationMs: 0 });
    return;
  }
  const survivors: string[] = [];
  const flaky: string[] = [];
  for (const mutant of mutants) {
    let durationMs = 0;
    const outcome = await checkMutant(pkg, mutant, runner, { runs, onRun: (ms) => void (durationMs += ms) });
    if (outcome.verdict === 'broken') {
      check({ runtime, what: `mutant ${mutant.name} applies to the solution`, ok: false, detail: outcome.error ?? '', durationMs: 0 });
      survivors.push(mutant.name);
      continue;
    }
    if (outcome.verdict === 'survived') survivors.push(mutant.name);
    else if (outcome.verdict === 'flaky') flaky.push(`${mutant.name} (${outcome.caught}/${runs})`);
    check({
      runtime,
      what: `mutant ${mutant.name} loses points on every run`,
      ok: outcome.verdict === 'killed',
      detail: `caught ${outcome.caught}/${runs}: ${mutant.models}${outcome.caughtBy.length ? ` — failing: ${outcome.caughtBy.slice(0, 4).join('; ')}` : ''}`,
      durationMs,
    });
  }
  const killed = mutants.length - survivors.length - flaky.length;
  check({
    runtime,
    what: 'kill rate',
    ok: killed === mutants.length,
    detail: `${killed}/${mutants.length} mutants killed on all ${runs} runs (${Math.round((100 * killed) / mutants.length)}%); flaky catches: ${flaky.join(', ') || 'none'}; survivors: ${survivors.join(', ') || 'none'}`,
    durationMs: 0,
  });
}

function differingTests(a: RunResult, b: RunResult): string[] {
  const outcome = (r: RunResult) => new Map(r.tests.map((t) => [t.name, t.status]));
  const [x, y] = [outcome(a), outcome(b)];
  const names = new Set([...x.keys(), ...y.keys()]);
  const differing = [...names].filter((n) => x.get(n) !== y.get(n));
  return a.status !== b.status ? [`(run status ${a.status} then ${b.status})`, ...differing] : differing;
}

const reportedNames = (r: RunResult) =>
  r.tests.filter((t) => t.output !== MISSING_TEST_OUTPUT).slice(0, 5).map((t) => JSON.stringify(t.name)).join(', ') || 'none';
const passed = (r: RunResult) => `${r.tests.filter((t) => t.status === 'passed').length}/${r.tests.length}`;
const lastLine = (s: string) => s.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? '';
