import { z } from 'zod';

/** Every 4xx/5xx body has this shape, so clients show `message` and, for validation, each field's problem. */
export const errorResponse = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional(),
  // A machine-readable reason where a page shows a different sentence per case (e.g. an expired link).
  code: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
