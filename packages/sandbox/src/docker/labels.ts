import { hostname } from 'node:os';

// Every container, volume and network a run creates carries these, so leftovers from a crashed worker can
// be found and removed without touching anything else on the engine.
export const SANDBOX_LABEL = 'takehome.sandbox';
export const RUN_ID_LABEL = 'takehome.run-id';
// host/pid of the process driving the run: several workers may share one engine (compose --scale), and a
// worker starting up must only clear what a dead process left, never a live neighbour's runs.
export const OWNER_LABEL = 'takehome.owner';
export const CURRENT_OWNER = `${hostname()}/${process.pid}`;

export function runLabels(runId: string): Record<string, string> {
  return { [SANDBOX_LABEL]: '1', [RUN_ID_LABEL]: runId, [OWNER_LABEL]: CURRENT_OWNER };
}

/** True when the owning process is gone: no owner recorded, or a process on this host that no longer exists. */
export function ownerIsGone(labels: Record<string, string> | undefined): boolean {
  const owner = labels?.[OWNER_LABEL];
  if (!owner) return true;
  const [host, pid] = owner.split('/');
  if (host !== hostname()) return false; // another machine's process: not ours to judge
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
