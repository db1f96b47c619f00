import { z } from 'zod';

const keyPattern = /^[a-z][a-z0-9_]*$/;

export const rubricLevelSchema = z.strictObject({
  score: z.number().int().min(1).max(4),
  label: z.string().trim().min(1).max(60),
  // Reviewers score against evidence they can point at in the code, so descriptors must not be empty praise.
  descriptor: z.string().trim().min(20, 'must describe observable evidence (at least 20 characters)').max(1000),
});
export type RubricLevel = z.infer<typeof rubricLevelSchema>;

export const rubricCriterionSchema = z.strictObject({
  key: z.string().regex(keyPattern, 'must be snake_case, e.g. error_handling'),
  title: z.string().trim().min(1).max(80),
  description: z.string().trim().min(1).max(1000),
  weight: z.number().positive().max(100),
  levels: z
    .array(rubricLevelSchema)
    .length(4)
    .refine(
      (levels) => [1, 2, 3, 4].every((s) => levels.some((l) => l.score === s)),
      'must have exactly one level for each score 1, 2, 3 and 4',
    ),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricSchema = z.strictObject({
  criteria: z
    .array(rubricCriterionSchema)
    .min(4)
    .max(6)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, 'criterion keys must be unique'),
});
export type Rubric = z.infer<typeof rubricSchema>;
