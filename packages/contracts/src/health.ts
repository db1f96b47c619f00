import { z } from 'zod';

export const dependencyStatus = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nonnegative(),
  error: z.string().optional(),
});
export type DependencyStatus = z.infer<typeof dependencyStatus>;

/** GET /health: each dependency reported on its own, so an operator sees which one is down. */
export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  checks: z.object({
    database: dependencyStatus,
    redis: dependencyStatus,
    docker: dependencyStatus,
    /** Free space on the disks the install writes to (HEALTH_DISK_PATHS), against HEALTH_DISK_MIN_FREE_MB. */
    disk: dependencyStatus,
  }),
  workers: z.object({
    online: z.number().int().nonnegative(),
  }),
});
export type HealthResponse = z.infer<typeof healthResponse>;
