import Docker from 'dockerode';
import { RUN_ID_LABEL, SANDBOX_LABEL } from './labels';

export interface ReapReport {
  containers: number;
  volumes: number;
  networks: number;
}

/**
 * Removes sandbox containers, volumes and networks (all runs, or one run). Runs call it for their own id
 * in `finally`; the worker calls it without a run id at start to clear what a crash left behind.
 * Containers go first: volumes and networks cannot be removed while a container still uses them.
 */
export async function reapLeftovers(docker: Docker, runId?: string): Promise<ReapReport> {
  const label = runId ? [`${RUN_ID_LABEL}=${runId}`] : [`${SANDBOX_LABEL}=1`];
  const filters = { label };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)),
  );
  const [{ Volumes: volumes }, networks] = await Promise.all([
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
  ]);
  await Promise.all([
    ...(volumes ?? []).map((v) => docker.getVolume(v.Name).remove().catch(ignoreGone)),
    ...networks.map((n) => docker.getNetwork(n.Id).remove().catch(ignoreGone)),
  ]);
  return { containers: containers.length, volumes: volumes?.length ?? 0, networks: networks.length };
}

// Another reaper (or Docker's own removal) may have won the race; only "gone" is harmless.
function ignoreGone(err: { statusCode?: number }): void {
  if (err?.statusCode === 404 || err?.statusCode === 409) return;
  throw err;
}
