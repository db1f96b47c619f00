import { z } from 'zod';
import { sidecarServicesSchema } from '../sandbox-runner';

// The workbench's long-lived sandboxes (the candidate's running service and their terminal), beside the
// one-shot runs of sandbox-runner.ts. Same hardening, same labels, so the reaper clears them like runs.

const filesSchema = z.record(z.string().min(1), z.string());

export const sessionLimitsSchema = z.object({
  memoryMb: z.number().int().min(16),
  cpus: z.number().positive(),
  pids: z.number().int().min(8),
  workspaceMb: z.number().int().positive(),
  outputBytes: z.number().int().positive(),
  buildTimeoutMs: z.number().int().positive().default(120_000),
});

const sessionBase = z.object({
  // Becomes part of container and volume names (and the reaper's label), hence the strict alphabet.
  sessionId: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/),
  files: filesSchema,
  limits: sessionLimitsSchema,
});

export const serviceSessionSchema = sessionBase.extend({
  image: z.string().min(1),
  /** has node: sends the console's requests to the service over their shared loopback */
  probeImage: z.string().min(1),
  startCommand: z.array(z.string()).min(1),
  buildCommand: z.array(z.string()).min(1).optional(),
  port: z.number().int().min(1).max(65535),
  readinessPath: z.string().startsWith('/'),
  readinessTimeoutMs: z.number().int().positive().default(15_000),
  /** the challenge's sidecars, as for runs: the service then joins an internal network with them */
  services: sidecarServicesSchema.optional(),
});
export type ServiceSessionRequest = z.input<typeof serviceSessionSchema>;

export const terminalSessionSchema = sessionBase.extend({ image: z.string().min(1) });
export type TerminalSessionRequest = z.input<typeof terminalSessionSchema>;

export interface ServiceStart {
  ready: boolean;
  /** the service's own output so far, and why it is not ready */
  output: string;
}

export interface ConsoleRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export type ConsoleResponse =
  | { ok: true; status: number; headers: [string, string][]; body: string; truncated: boolean; durationMs: number }
  | { ok: false; error: string };

export interface TerminalHandle {
  write(data: string): void;
  resize(cols: number, rows: number): Promise<void>;
  onData(listener: (data: string) => void): void;
  onExit(listener: () => void): void;
  close(): void;
}
