import { z } from 'zod';

/**
 * The workbench relay: the API never talks to Docker; it asks a worker over Redis to start the candidate's
 * service or terminal, and the worker that started it owns it until it stops (idle, replaced or asked).
 * - starts go on a list any worker pops (the first free one takes it);
 * - later commands for a session go on its channel, which only the owning worker subscribes to; the owner
 *   keeps an expiring owner key, so the API knows at once when nobody holds the session;
 * - replies go to the asking API process's own channel; terminal output to the stream's channel.
 */
export function workbenchKeys(prefix: string) {
  return {
    starts: `${prefix}:workbench:starts`,
    session: (sessionId: string) => `${prefix}:workbench:session:${sessionId}`,
    owner: (sessionId: string) => `${prefix}:workbench:owner:${sessionId}`,
    reply: (apiId: string) => `${prefix}:workbench:reply:${apiId}`,
    output: (streamId: string) => `${prefix}:workbench:out:${streamId}`,
  };
}
export const WORKBENCH_OWNER_TTL_SECONDS = 45;

/** One session per attempt and kind: starting again replaces the previous one. */
export const workbenchSessionId = (kind: 'service' | 'terminal', attemptId: string) => `${kind === 'service' ? 'svc' : 'term'}-${attemptId}`;

const asked = { id: z.string().min(1), replyTo: z.string().min(1) };

export const workbenchStart = z.object({
  ...asked,
  kind: z.enum(['service', 'terminal']),
  sessionId: z.string().min(1),
  /** epoch ms after which the asking API has given up: a worker popping it later drops it instead of starting */
  notAfter: z.number(),
  /** a ServiceSessionRequest or TerminalSessionRequest of @takehome/sandbox, validated there */
  request: z.record(z.string(), z.unknown()),
});
export type WorkbenchStart = z.infer<typeof workbenchStart>;

export const consoleRequest = z.object({
  method: z.string(),
  path: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  timeoutMs: z.number().int().positive(),
});

export const workbenchCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), ...asked, request: consoleRequest }),
  z.object({ type: z.literal('status'), ...asked }),
  z.object({ type: z.literal('files'), ...asked }),
  z.object({ type: z.literal('stop'), ...asked }),
  z.object({ type: z.literal('attach'), ...asked, streamId: z.string().min(1) }),
  z.object({ type: z.literal('input'), streamId: z.string(), data: z.string().max(64 * 1024) }),
  z.object({ type: z.literal('resize'), streamId: z.string(), cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) }),
  z.object({ type: z.literal('detach'), streamId: z.string() }),
  // Published by a worker taking over the session id: any previous owner forgets it (the new one reaps it).
  z.object({ type: z.literal('released'), by: z.string() }),
]);
export type WorkbenchCommand = z.infer<typeof workbenchCommand>;

export const workbenchReply = z.object({ id: z.string(), ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() });
export type WorkbenchReply = z.infer<typeof workbenchReply>;

export const terminalOutput = z.discriminatedUnion('type', [z.object({ type: z.literal('data'), data: z.string() }), z.object({ type: z.literal('exit') })]);
export type TerminalOutput = z.infer<typeof terminalOutput>;
