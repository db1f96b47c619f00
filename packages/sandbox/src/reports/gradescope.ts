import { z } from 'zod';
import { parseJson } from './ctrf';
import { clip, dedupeNames, MAX_TEST_OUTPUT_CHARS, type ParsedReport, ReportError, type ReportedTest } from './report-types';

const finite = z.number().finite();
const visibility = z.enum(['visible', 'hidden', 'after_due_date', 'after_published']);
// https://gradescope-autograders.readthedocs.io/en/latest/specs/ (results.json): a top-level score is "optional, but
// required if not on each test case" and "overrides total of tests if specified"; tests are "optional, but required
// if no top-level score".
const gradescopeSchema = z
  .object({
    score: finite.optional(),
    output: z.string().optional(),
    visibility: visibility.optional(),
    tests: z
      .array(
        z.object({
          name: z.string().optional(),
          number: z.union([z.string(), z.number()]).optional(),
          score: finite.optional(),
          max_score: finite.min(0).optional(),
          status: z.enum(['passed', 'failed']).optional(),
          output: z.string().optional(),
          visibility: visibility.optional(),
        }),
      )
      .optional(),
  })
  .refine((r) => r.score !== undefined || r.tests !== undefined, { message: 'needs a top-level score or a tests array', path: ['tests'] });

// Only for a test with neither points at stake nor a status: what its own output says decides.
const SAYS_FAILED = /\b(failed|failure|fails|error|exception)\b|traceback/i;

/** The name a score-only results.json's single result gets; a weight for it in challenge.yaml sets its maximum. */
export const GRADESCOPE_TOTAL_NAME = 'total';

export function parseGradescope(json: string): ParsedReport {
  const parsed = gradescopeSchema.safeParse(parseJson(json, 'Gradescope'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportError(`Gradescope results.json has an unexpected shape: ${issue?.message ?? ''} at ${issue?.path.join('.') ?? ''}`);
  }
  const report = parsed.data;
  const topVisibility = mapVisibility(report.visibility);
  if (!report.tests || report.tests.length === 0) {
    // Score only: Gradescope takes the maximum from the assignment's settings, which here is the challenge's weight.
    const score = Math.max(report.score ?? 0, 0);
    return {
      tests: [{ name: GRADESCOPE_TOTAL_NAME, status: score > 0 ? 'passed' : 'failed', output: clip(report.output, MAX_TEST_OUTPUT_CHARS), score, visibility: topVisibility }],
    };
  }
  const tests = report.tests.map((t, i): ReportedTest => {
    // A test without max_score is informational: it is shown but adds nothing to the maximum.
    const maxScore = t.max_score ?? 0;
    const score = t.score !== undefined ? clamp(t.score, maxScore) : t.status === 'passed' ? maxScore : 0;
    const status = t.status ?? (maxScore > 0 ? (score >= maxScore ? 'passed' : 'failed') : SAYS_FAILED.test(t.output ?? '') ? 'failed' : 'passed');
    return {
      name: t.name?.trim() || (t.number !== undefined ? `Test ${t.number}` : `Test ${i + 1}`),
      status,
      output: clip(t.output, MAX_TEST_OUTPUT_CHARS),
      score,
      maxScore,
      visibility: mapVisibility(t.visibility) ?? topVisibility,
    };
  });
  return { tests: dedupeNames(tests), ...(report.score !== undefined ? { totalScore: report.score } : {}) };
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

// Gradescope's "after_due_date" is our "after_published": shown once results are released.
function mapVisibility(v: z.infer<typeof visibility> | undefined) {
  return v === 'after_due_date' ? 'after_published' : v;
}
