import { z } from 'zod';

/**
 * Every 4xx/5xx body has this shape, so clients show `message` and, for validation, each field's problem, and
 * switch on `code` where a page says a different sentence per case.
 */
export const errorResponse = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional(),
  // A machine-readable reason: the route's own (e.g. "expired" for a link), else the status's ("not_found").
  code: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
