import { JobName } from '@takehome/jobs';
import type { JobHandler } from './job-handler';

/** Refuses to build a registry that leaves any job name without exactly one handler. */
export function createJobRegistry(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const registry = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (registry.has(handler.name)) throw new Error(`worker: two handlers for job "${handler.name}"`);
    registry.set(handler.name, handler);
  }
  const missing = Object.values(JobName).filter((name) => !registry.has(name));
  if (missing.length) throw new Error(`worker: no handler for job ${missing.map((m) => `"${m}"`).join(', ')}`);
  return registry;
}
