import type { Visibility } from '../sandbox-runner';

/** A test as a report states it, before the challenge's weights and visibility are applied. */
export interface ReportedTest {
  name: string;
  passed: boolean;
  output: string;
  /** Gradescope reports carry their own points; other formats leave these out. */
  score?: number;
  maxScore?: number;
  visibility?: Visibility;
}

export class ReportError extends Error {
  override name = 'ReportError';
}

// Reports come from code the candidate may control (in-container mode): bound what we keep.
export const MAX_TESTS = 5000;
export const MAX_NAME_CHARS = 500;
export const MAX_TEST_OUTPUT_CHARS = 16 * 1024;

export function clip(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : text == null ? '' : String(text);
  return s.length > max ? `${s.slice(0, max)}… [truncated]` : s;
}

/** Gives repeated names a suffix so weights and visibility overrides stay unambiguous. */
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
