import { z } from 'zod';

/** A configuration problem, worded as one line that names the variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses environment variables with a zod object schema. Every app reads its settings through exactly one
 * such schema, so a bad value is caught at start-up rather than at first use.
 */
export function parseEnv<S extends z.ZodObject>(app: string, schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue.path.join('.') || '(environment)';
  const value = env[variable];
  const shown = value === undefined ? 'it is not set' : `got ${JSON.stringify(redact(variable, value))}`;
  throw new ConfigError(`${app}: invalid configuration: ${variable}: ${issue.message} (${shown})`);
}

function redact(variable: string, value: string): string {
  if (/SECRET|PASSWORD|TOKEN|KEY/i.test(variable)) return '***';
  // Connection URLs carry passwords; keep the scheme and host so the message still helps.
  return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Runs start-up code; a ConfigError becomes one line on stderr and exit code 1, never a stack trace. */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Shared field helpers, so every app words the same problems the same way. */
export const env = {
  url: (protocols: string[], fallback: string) =>
    z
      .string()
      .default(fallback)
      .refine((value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      }, `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`),
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  nodeEnv: () => z.enum(['development', 'production', 'test']).default('development'),
};
