import { z } from 'zod';
import { clip, dedupeNames, MAX_TEST_OUTPUT_CHARS, ReportError, type ReportedTest } from './report-types';

// https://ctrf.io: only the fields grading needs; unknown ones are ignored.
const ctrfSchema = z.object({
  results: z.object({
    tests: z.array(
      z.object({
        name: z.string(),
        status: z.string(),
        message: z.string().optional(),
        trace: z.string().optional(),
        suite: z.union([z.string(), z.array(z.string())]).optional(),
      }),
    ),
  }),
});

export function parseCtrf(json: string): ReportedTest[] {
  const parsed = ctrfSchema.safeParse(parseJson(json, 'CTRF'));
  if (!parsed.success) throw new ReportError(`CTRF report has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''} at results.${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return dedupeNames(
    parsed.data.results.tests.map((t) => ({
      name: t.name,
      // skipped, pending and other all mean the test did not pass.
      passed: t.status === 'passed',
      output: clip([t.status === 'passed' ? '' : t.status, t.message, t.trace].filter(Boolean).join('\n'), MAX_TEST_OUTPUT_CHARS),
    })),
  );
}

export function parseJson(text: string, format: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReportError(`${format} report is not valid JSON: ${(err as Error).message}`);
  }
}
