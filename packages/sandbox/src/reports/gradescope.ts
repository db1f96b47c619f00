import { z } from 'zod';
import { parseJson } from './ctrf';
import { clip, dedupeNames, MAX_TEST_OUTPUT_CHARS, ReportError, type ReportedTest } from './report-types';

const finite = z.number().finite();
// https://gradescope-autograders.readthedocs.io/en/latest/specs/ (results.json)
const gradescopeSchema = z.object({
  tests: z.array(
    z.object({
      name: z.string().optional(),
      number: z.union([z.string(), z.number()]).optional(),
      score: finite.optional(),
      max_score: finite.min(0).optional(),
      status: z.enum(['passed', 'failed']).optional(),
      output: z.string().optional(),
      visibility: z.enum(['visible', 'hidden', 'after_due_date', 'after_published']).optional(),
    }),
  ),
});

export function parseGradescope(json: string): ReportedTest[] {
  const parsed = gradescopeSchema.safeParse(parseJson(json, 'Gradescope'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportError(`Gradescope results.json has an unexpected shape: ${issue?.message ?? ''} at ${issue?.path.join('.') ?? ''}`);
  }
  return dedupeNames(
    parsed.data.tests.map((t, i) => {
      const maxScore = t.max_score ?? 1;
      const score = Math.min(Math.max(t.score ?? 0, 0), maxScore);
      const passed = t.status ? t.status === 'passed' : score >= maxScore;
      return {
        name: t.name ?? (t.number !== undefined ? `Test ${t.number}` : `Test ${i + 1}`),
        passed,
        output: clip(t.output, MAX_TEST_OUTPUT_CHARS),
        score,
        maxScore,
        // Gradescope's "after_due_date" is our "after_published": shown once results are released.
        visibility: t.visibility === 'after_due_date' ? 'after_published' : t.visibility,
      };
    }),
  );
}
