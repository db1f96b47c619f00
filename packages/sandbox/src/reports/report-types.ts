import type { TestStatus, Visibility } from '../sandbox-runner';

/** A test as a report states it, before the challenge's weights and visibility are applied. */
export interface ReportedTest {
  name: string;
  /** skipped covers skip, todo, pending and disabled: the test never ran to a verdict. */
  status: TestStatus;
  /** The test broke before it could assert (JUnit <error>, an exception in setup); still a failed test. */
  errored?: boolean;
  output: string;
  /** Gradescope reports carry their own points; other formats leave these out. */
  score?: number;
  maxScore?: number;
  visibility?: Visibility;
}

/** A parsed report: its tests, plus a whole-submission score when the format has one (Gradescope's top-level score). */
export interface ParsedReport {
  tests: ReportedTest[];
  /** Overrides the sum of the tests' points (Gradescope: "Overrides total of tests if specified"). */
  totalScore?: number;
}

export class ReportError extends Error {
  override name = 'ReportError';
}

// Reports come from code the candidate may control (in-container mode): bound what we keep.
export const MAX_TESTS = 5000;
export const MAX_NAME_CHARS = 500;
export const MAX_TEST_OUTPUT_CHARS = 16 * 1024;
/** A suite's own <system-out>/<system-err> (Gradle's and Bazel's whole log) is kept up to this much per stream. */
export const MAX_SUITE_LOG_CHARS = 8 * 1024;

export function clip(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : text == null ? '' : String(text);
  return s.length > max ? `${s.slice(0, max)}… [truncated]` : s;
}

/**
 * Names already carry the producer's own qualifier (class, file, suite), so a repeat is a true duplicate (a
 * parameterised test reported twice, a retried case): only those get a suffix, in report order.
 */
export function dedupeNames(tests: ReportedTest[]): ReportedTest[] {
  if (tests.length > MAX_TESTS) throw new ReportError(`report lists ${tests.length} tests (limit ${MAX_TESTS})`);
  const seen = new Map<string, number>();
  return tests.map((t) => {
    const name = clip(t.name, MAX_NAME_CHARS) || '(unnamed test)';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { ...t, name: n === 1 ? name : `${name} (${n})` };
  });
}
