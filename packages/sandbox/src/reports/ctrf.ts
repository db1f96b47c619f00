import { z } from 'zod';
import { clip, dedupeNames, MAX_TEST_OUTPUT_CHARS, type ParsedReport, ReportError, type ReportedTest } from './report-types';

// https://ctrf.io: only the fields grading needs; unknown ones are ignored.
const ctrfSchema = z.object({
  results: z.object({
    tests: z.array(
      z.object({
        name: z.string(),
        status: z.string(),
        message: z.string().optional(),
        trace: z.string().optional(),
        stdout: z.array(z.string()).optional(),
        stderr: z.array(z.string()).optional(),
        suite: z.union([z.string(), z.array(z.string())]).optional(),
        filePath: z.string().optional(),
      }),
    ),
  }),
});

// CTRF statuses: passed, failed, skipped, pending, other. Jest's todo and disabled arrive as pending or other with
// rawStatus; none of them ran to a verdict.
const NOT_RUN = new Set(['skipped', 'pending', 'todo', 'disabled']);

export function parseCtrf(json: string): ParsedReport {
  const parsed = ctrfSchema.safeParse(parseJson(json, 'CTRF'));
  if (!parsed.success) throw new ReportError(`CTRF report has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''} at results.${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const tests = parsed.data.results.tests.map((t): ReportedTest => {
    const status = t.status === 'passed' ? 'passed' : NOT_RUN.has(t.status) ? 'skipped' : 'failed';
    const streams = [...(t.stdout ?? []).map((l) => `[stdout] ${l}`), ...(t.stderr ?? []).map((l) => `[stderr] ${l}`)];
    return {
      name: ctrfName(t),
      status,
      output: clip([status === 'passed' ? '' : t.status, t.message, t.trace, ...streams].filter(Boolean).join('\n'), MAX_TEST_OUTPUT_CHARS),
    };
  });
  return { tests: dedupeNames(tests) };
}

/**
 * `suite > name`, the producer's own qualifier: CTRF's suite (a string, or the describe path as an array; jest's
 * reporter writes "file > describe"), else the file path. A name that already starts with the suite is kept as is.
 */
function ctrfName(t: { name: string; suite?: string | string[]; filePath?: string }): string {
  const suite = (Array.isArray(t.suite) ? t.suite.join(' > ') : t.suite ?? t.filePath ?? '').trim();
  const name = t.name.trim();
  return suite && !name.startsWith(suite) ? `${suite} > ${name}` : name;
}

export function parseJson(text: string, format: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReportError(`${format} report is not valid JSON: ${(err as Error).message}`);
  }
}
