import { z } from 'zod';

// Every sandbox setting in one validated object, read once from the environment by whoever builds the
// runner (worker, CLI); nothing else in the package reads process.env.
export const sandboxConfigSchema = z.object({
  SANDBOX_DOCKER_SOCKET: z.string().default('/var/run/docker.sock'),
  SANDBOX_USER: z.string().regex(/^\d+(:\d+)?$/).default('10001:10001'),
  SANDBOX_NOFILE: z.coerce.number().int().positive().default(1024),
  SANDBOX_TMP_MB: z.coerce.number().int().positive().default(64),
  SANDBOX_REPORT_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  SANDBOX_LOG_MAX_SIZE: z.string().regex(/^\d+[kmg]?$/).default('1m'),
  SANDBOX_CONTROL_PORT: z.coerce.number().int().min(1).max(65535).default(7070),
  SANDBOX_WORKSPACE: z.string().startsWith('/').default('/workspace'),
  /** grace after a timeout for containers to be killed and streams to end */
  SANDBOX_KILL_GRACE_MS: z.coerce.number().int().nonnegative().default(2000),
  /** run shapes (image, limits, port) to keep one sandbox booted ahead for; 0 boots each run's own */
  SANDBOX_WARM_SHAPES: z.coerce.number().int().min(0).max(16).default(0),
});
export type SandboxConfigInput = z.input<typeof sandboxConfigSchema>;

export interface SandboxConfig {
  dockerSocket: string;
  user: string;
  nofile: number;
  tmpMb: number;
  reportMaxBytes: number;
  logMaxSize: string;
  controlPort: number;
  workspace: string;
  killGraceMs: number;
  warmShapes: number;
}

export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

/** Reads SANDBOX_* variables (defaults for the rest); an invalid value throws naming the variable. */
export function createSandboxConfig(env: Record<string, string | undefined> = {}): SandboxConfig {
  const picked = Object.fromEntries(
    Object.keys(sandboxConfigSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = sandboxConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SandboxConfigError(`invalid sandbox configuration: ${issues}`);
  }
  const c = parsed.data;
  return {
    dockerSocket: c.SANDBOX_DOCKER_SOCKET,
    user: c.SANDBOX_USER,
    nofile: c.SANDBOX_NOFILE,
    tmpMb: c.SANDBOX_TMP_MB,
    reportMaxBytes: c.SANDBOX_REPORT_MAX_BYTES,
    logMaxSize: c.SANDBOX_LOG_MAX_SIZE,
    controlPort: c.SANDBOX_CONTROL_PORT,
    workspace: c.SANDBOX_WORKSPACE,
    killGraceMs: c.SANDBOX_KILL_GRACE_MS,
    warmShapes: c.SANDBOX_WARM_SHAPES,
  };
}
