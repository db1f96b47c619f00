import { type RunTest, runTests, type ServiceLog, serviceLogs } from '@takehome/contracts';
import type { Prisma } from '@takehome/db';

/**
 * The rules about a run's stored result, in one place: how its tests are read, which run is a submission's
 * grade, and which tests an audience may see. Every module that shows or counts results calls these.
 */

/**
 * Run.tests parsed once with the one schema (never cast). A row that does not parse (a result stored by a
 * runner this version no longer reads) shows no tests rather than failing the page.
 */
export function readRunTests(json: Prisma.JsonValue | null | undefined): RunTest[] {
  return parseRunTests(json) ?? [];
}

/** The same, telling "no (readable) results" (null) apart from an empty list. */
export function parseRunTests(json: Prisma.JsonValue | null | undefined): RunTest[] | null {
  if (json === null || json === undefined) return null;
  const parsed = runTests.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Run.serviceLogs parsed once (never cast); undefined for runs without sidecars or an unreadable row. */
export function readServiceLogs(json: Prisma.JsonValue | null | undefined): ServiceLog[] | undefined {
  if (json === null || json === undefined) return undefined;
  const parsed = serviceLogs.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The team's two-way split of a suite: what the candidate saw while working, and everything else. */
export const seenWhileWorking = (test: RunTest): boolean => test.visibility === 'visible';

/**
 * A submission's grade: its latest finished grading run, unless the platform failed to run the code (ERROR).
 * A platform failure is not the candidate's doing, so it is no grade (not a 0): the dashboard, the webhook,
 * the review page, the candidate's feedback, the pilot report and the pipeline facts all read this one.
 */
export const GRADE_WHERE = { kind: 'GRADING', status: 'FINISHED', outcome: { not: 'ERROR' } } as const satisfies Prisma.RunWhereInput;

/** The relation argument every reader includes to get a submission's grade (`submission.runs[0]`). */
export function gradeRun<S extends Prisma.RunSelect>(select: S) {
  return { where: GRADE_WHERE, orderBy: { finishedAt: 'desc' as const }, take: 1, select };
}

export function isGrade(run: { kind: string; status: string; outcome: string | null }): boolean {
  return run.kind === 'GRADING' && run.status === 'FINISHED' && run.outcome !== null && run.outcome !== 'ERROR';
}

/**
 * Who is looking. The team (leads and reviewers) sees every test. A candidate sees visible tests; tests marked
 * `after_published` once their feedback is released; hidden tests never (only as counts in the feedback).
 */
export type RunAudience = { kind: 'team' } | { kind: 'candidate'; released: boolean };

export const TEAM: RunAudience = { kind: 'team' };

export function visibleTests(tests: RunTest[], audience: RunAudience): RunTest[] {
  if (audience.kind === 'team') return tests;
  return tests.filter((t) => t.visibility === 'visible' || (audience.released && t.visibility === 'after_published'));
}

export interface TestCount {
  passed: number;
  total: number;
}

// Skipped tests are out of the maximum (unless the suite says otherwise), so they are out of "n of m passed" too.
const count = (tests: RunTest[]): TestCount => {
  const ran = tests.filter((t) => t.status !== 'skipped');
  return { passed: ran.filter((t) => t.status === 'passed').length, total: ran.length };
};

/**
 * Passed / total of what the audience may name ("shown") and of the rest ("withheld"). For the team's
 * dashboard the split is the suite's own: visible tests vs everything the candidate did not see while working.
 */
export function testCounts(tests: RunTest[], audience: RunAudience): { shown: TestCount; withheld: TestCount } {
  const shown = audience.kind === 'team' ? tests.filter(seenWhileWorking) : visibleTests(tests, audience);
  const withheld = tests.filter((t) => !shown.includes(t));
  return { shown: count(shown), withheld: count(withheld) };
}
