import type { ParsedRunRequest, TestResult } from '../sandbox-runner';
import { parseCtrf } from './ctrf';
import { GRADESCOPE_TOTAL_NAME, parseGradescope } from './gradescope';
import { parseJunit } from './junit';
import { type ParsedReport, ReportError, type ReportedTest } from './report-types';

export { GRADESCOPE_TOTAL_NAME, parseCtrf, parseGradescope, parseJunit, ReportError };
export type { ParsedReport, ReportedTest };

export type ReportFormat = ParsedRunRequest['reportFormat'];
export type SkippedPolicy = ParsedRunRequest['skipped'];

export function parseReport(format: ReportFormat, content: string): ParsedReport {
  if (content.trim() === '') throw new ReportError(`${format} report is empty`);
  switch (format) {
    case 'junit':
      return parseJunit(content);
    case 'ctrf':
      return parseCtrf(content);
    case 'gradescope':
      return parseGradescope(content);
  }
}

export const MISSING_TEST_OUTPUT = 'not in the report: the suite stopped before this test ran (or the test was renamed)';

export interface GradedTests {
  tests: TestResult[];
  score: number;
  max_score: number;
  /** Tests the challenge names (weights/visibility) that the report never mentioned: the suite did not finish. */
  missing: string[];
}

/**
 * Applies the challenge's per-test weight/visibility overrides. A weight override rescales the report's own points
 * (Gradescope partial credit keeps its proportion); otherwise a test is worth its report max_score or 1. Skipped tests
 * are out of the maximum unless the suite says `skipped: fail`. A test named in the overrides but absent from the
 * report counts as failed against the maximum, so a suite that crashes halfway cannot score 100% of what ran.
 */
export function gradeTests(
  report: ParsedReport,
  overrides: ParsedRunRequest['tests'],
  defaultVisibility: TestResult['visibility'],
  skipped: SkippedPolicy = 'exclude',
): GradedTests {
  const graded = report.tests.map((t) => grade(t, overrides?.[t.name], defaultVisibility, skipped));
  const reported = new Set(report.tests.map((t) => t.name));
  // With a Gradescope top-level score, a weight for "total" is the assignment's point total, not a test.
  const scale = report.totalScore !== undefined ? overrides?.[GRADESCOPE_TOTAL_NAME]?.weight : undefined;
  const missing = Object.keys(overrides ?? {}).filter((name) => !reported.has(name) && !(scale !== undefined && name === GRADESCOPE_TOTAL_NAME));
  for (const name of missing) {
    const o = overrides?.[name];
    graded.push({ name, status: 'failed', score: 0, max_score: o?.weight ?? 1, output: MISSING_TEST_OUTPUT, visibility: o?.visibility ?? defaultVisibility });
  }
  const max_score = round(graded.reduce((s, t) => s + t.max_score, 0));
  const summed = round(graded.reduce((s, t) => s + t.score, 0));
  return { tests: graded, score: overallScore(report, max_score, scale) ?? summed, max_score, missing };
}

function grade(t: ReportedTest, o: { weight?: number; visibility?: TestResult['visibility'] } | undefined, defaultVisibility: TestResult['visibility'], skipped: SkippedPolicy): TestResult {
  const visibility = o?.visibility ?? t.visibility ?? defaultVisibility;
  // A score without a maximum (a score-only Gradescope file) is out of the challenge's weight, else out of itself.
  const reportMax = t.maxScore ?? (t.score !== undefined ? t.score : 1);
  const max = o?.weight ?? reportMax;
  if (t.status === 'skipped') {
    return skipped === 'fail'
      ? { name: t.name, status: 'failed', score: 0, max_score: max, output: joinLines('skipped, which this suite counts as failed', t.output), visibility }
      : { name: t.name, status: 'skipped', score: 0, max_score: 0, output: t.output, visibility };
  }
  const unbounded = t.score !== undefined && t.maxScore === undefined;
  const fraction = unbounded
    ? max > 0 ? Math.min((t.score ?? 0) / max, 1) : 0
    : t.score !== undefined && reportMax > 0 ? t.score / reportMax : t.status === 'passed' ? 1 : 0;
  const status = unbounded ? (max > 0 && fraction >= 1 ? 'passed' : 'failed') : t.status;
  return { name: t.name, status, score: round(max * fraction), max_score: max, output: t.output, visibility };
}

/**
 * Gradescope's top-level score overrides the sum of its tests, out of the assignment's total: the weight given to
 * "total" when the suite declares one, else the tests' own maximum. Challenge weights rescale it like they rescale
 * tests. A score above the tests' maximum with no declared total is on a scale we cannot know (Otter scales to its
 * points_possible), so the tests' own points count instead of reading it as full marks.
 */
function overallScore(report: ParsedReport, maxScore: number, scale: number | undefined): number | undefined {
  if (report.totalScore === undefined) return undefined;
  const reportMax = report.tests.filter((t) => t.status !== 'skipped').reduce((s, t) => s + (t.maxScore ?? 0), 0);
  const outOf = scale ?? reportMax;
  if (outOf <= 0 || (scale === undefined && report.totalScore > reportMax)) return undefined;
  const fraction = Math.min(Math.max(report.totalScore / outOf, 0), 1);
  return round(fraction * maxScore);
}

const joinLines = (...parts: string[]) => parts.filter(Boolean).join('\n');
const round = (n: number) => Math.round(n * 1000) / 1000;
