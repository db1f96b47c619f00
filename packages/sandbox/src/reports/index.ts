import type { ParsedRunRequest, TestResult } from '../sandbox-runner';
import { parseCtrf } from './ctrf';
import { parseGradescope } from './gradescope';
import { parseJunit } from './junit';
import { ReportError, type ReportedTest } from './report-types';

export { parseCtrf, parseGradescope, parseJunit, ReportError };
export type { ReportedTest };

export type ReportFormat = ParsedRunRequest['reportFormat'];

export function parseReport(format: ReportFormat, content: string): ReportedTest[] {
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

/**
 * Applies the challenge's per-test weight/visibility overrides. A weight override rescales the report's
 * own points (Gradescope partial credit keeps its proportion); otherwise a test is worth its report
 * max_score or 1.
 */
export function gradeTests(
  reported: ReportedTest[],
  overrides: ParsedRunRequest['tests'],
  defaultVisibility: TestResult['visibility'],
): { tests: TestResult[]; score: number; max_score: number } {
  const tests = reported.map((t): TestResult => {
    const o = overrides?.[t.name];
    const reportMax = t.maxScore ?? 1;
    const fraction = t.score !== undefined && reportMax > 0 ? t.score / reportMax : t.passed ? 1 : 0;
    const max = o?.weight ?? reportMax;
    return {
      name: t.name,
      status: t.passed ? 'passed' : 'failed',
      score: round(max * fraction),
      max_score: max,
      output: t.output,
      visibility: o?.visibility ?? t.visibility ?? defaultVisibility,
    };
  });
  return {
    tests,
    score: round(tests.reduce((s, t) => s + t.score, 0)),
    max_score: round(tests.reduce((s, t) => s + t.max_score, 0)),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
