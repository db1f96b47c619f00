import Docker from 'dockerode';
import { ownerIsGone, RUN_ID_LABEL, SANDBOX_LABEL } from './labels';

export interface ReapReport {
  containers: number;
  volumes: number;
  networks: number;
}

/**
 * Removes sandbox containers, volumes and networks. With a run id: everything of that run (runs call it in
 * `finally`). Without: what processes that no longer exist left behind (the worker calls it at start to
 * clear a crash), leaving the runs of live workers sharing the engine alone.
 * Containers go first: volumes and networks cannot be removed while a container still uses them.
 */
export async function reapLeftovers(docker: Docker, runId?: string): Promise<ReapReport> {
  const filters = { label: runId ? [`${RUN_ID_LABEL}=${runId}`] : [`${SANDBOX_LABEL}=1`] };
  const abandoned = (labels: Record<string, string> | undefined) => Boolean(runId) || ownerIsGone(labels);
  const containers = (await docker.listContainers({ all: true, filters })).filter((c) => abandoned(c.Labels));
  await Promise.all(
    containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)),
  );
  const [{ Volumes: allVolumes }, allNetworks] = await Promise.all([
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
  ]);
  const volumes = (allVolumes ?? []).filter((v) => abandoned(v.Labels));
  const networks = allNetworks.filter((n) => abandoned(n.Labels));
  await Promise.all([
    ...volumes.map((v) => docker.getVolume(v.Name).remove().catch(ignoreGone)),
    ...networks.map((n) => docker.getNetwork(n.Id).remove().catch(ignoreGone)),
  ]);
  return { containers: containers.length, volumes: volumes.length, networks: networks.length };
}

// Another reaper (or Docker's own removal) may have won the race; only "gone" is harmless.
function ignoreGone(err: { statusCode?: number }): void {
  if (err?.statusCode === 404 || err?.statusCode === 409) return;
  throw err;
}
