import { z } from 'zod';
import { candidateRun } from './candidate';

/**
 * The candidate's workbench beside the visible suite: their own tests, the visible tests' code (read-only),
 * an HTTP console to their running service and a terminal. Hidden tests never appear in any of these.
 */

/** Whether the runtime has an own-tests command, how to name test files for it, and the latest runs. */
export const ownTestsOverview = z.object({
  available: z.boolean(),
  /** e.g. "unittest discovery finds files named test*.py"; null when not available */
  hint: z.string().nullable(),
  runs: z.array(candidateRun),
});
export type OwnTestsOverview = z.infer<typeof ownTestsOverview>;

export const testCodeFile = z.object({ path: z.string(), content: z.string() });

/**
 * The visible suite's files, read-only. Not available when any test in the visible suite is not shown to the
 * candidate (a per-test visibility other than "visible"): its code would reveal what the results hide.
 */
export const visibleTestCode = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), files: z.array(testCodeFile) }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type VisibleTestCode = z.infer<typeof visibleTestCode>;
