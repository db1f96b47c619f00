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

/** The candidate's service, started from their saved files for the HTTP console. */
export const serviceState = z.object({
  running: z.boolean(),
  /** false when it started but never answered its readiness path (the output says why) */
  ready: z.boolean(),
  output: z.string(),
});
export type ServiceState = z.infer<typeof serviceState>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const CONSOLE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** One request from the console to the candidate's service (only ever their own, inside the sandbox). */
export const consoleRequestBody = z.object({
  method: z.enum(CONSOLE_METHODS),
  path: z.string().startsWith('/', 'path: must start with /').max(2000).regex(/^[^\s]*$/, 'path: no spaces; encode them as %20'),
  headers: z
    .record(z.string().regex(HEADER_NAME, 'headers: a header name has a character HTTP does not allow').max(100), z.string().max(4000).regex(/^[^\r\n]*$/, 'headers: no line breaks in a value'))
    .refine((h) => Object.keys(h).length <= 30, 'headers: at most 30')
    .default({}),
  body: z.string().max(64 * 1024, 'body: at most 64 KB').default(''),
});
export type ConsoleRequestBody = z.input<typeof consoleRequestBody>;

export const consoleResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    status: z.number().int(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    body: z.string(),
    truncated: z.boolean(),
    durationMs: z.number(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ConsoleResponse = z.infer<typeof consoleResponse>;

/** Whether the assessment offers a terminal, and whether one is running for this attempt. */
export const terminalState = z.object({ enabled: z.boolean(), running: z.boolean() });
export type TerminalState = z.infer<typeof terminalState>;

/** The terminal's files as they are now, for the editor to take over (text files only; others named). */
export const terminalFiles = z.object({ files: z.record(z.string(), z.string()), skipped: z.array(z.string()) });
export type TerminalFiles = z.infer<typeof terminalFiles>;

/** Messages over the terminal's WebSocket, browser to server; the server sends the shell's raw output. */
export const terminalClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input'), data: z.string().max(64 * 1024) }),
  z.object({ type: z.literal('resize'), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) }),
]);
