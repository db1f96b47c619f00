import { hostname } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { docker, leftovers, requireDocker } from '../test-support/harness';
import { OWNER_LABEL, runLabels } from './labels';
import { reapLeftovers } from './reaper';

// No process has this pid (Linux's pid_max is at most 2^22), so these look like a crashed worker's leftovers.
const deadOwner = { [OWNER_LABEL]: `${hostname()}/9999999` };

async function makeRun(runId: string, labels: Record<string, string>) {
  await docker.createNetwork({ Name: `takehome-net-${runId}`, Internal: true, Labels: labels });
  await docker.createVolume({ Name: `takehome-ws-${runId}`, Labels: labels });
  const c = await docker.createContainer({
    Image: 'takehome/node20', Cmd: ['/bin/sh', '-c', 'read x'], OpenStdin: true, Labels: labels,
    HostConfig: { NetworkMode: `takehome-net-${runId}`, Mounts: [{ Type: 'volume', Source: `takehome-ws-${runId}`, Target: '/workspace' }] },
  });
  await c.start();
}

describe(reapLeftovers.name, () => {
  beforeAll(requireDocker);

  it('removes what a crashed run left: container (running), volume and network', async () => {
    const runId = `reap-${Date.now()}`;
    await makeRun(runId, { ...runLabels(runId), ...deadOwner });
    const unrelated = `unrelated-${runId}`;
    await docker.createVolume({ Name: unrelated });
    try {
      // Other crashed processes' leftovers on a shared engine are reaped too, hence "at least".
      const reaped = await reapLeftovers(docker);
      for (const count of Object.values(reaped)) expect(count).toBeGreaterThanOrEqual(1);
      expect(await leftovers({ runId })).toBe(0);
      expect((await docker.getVolume(unrelated).inspect()).Name).toBe(unrelated);
    } finally {
      await docker.getVolume(unrelated).remove();
    }
  });

  it("leaves a live process's run alone, until asked for that run by id", async () => {
    const runId = `live-${Date.now()}`;
    await makeRun(runId, runLabels(runId)); // owned by this test process, which is alive
    await reapLeftovers(docker);
    expect(await leftovers({ runId })).toBe(3);
    expect(await reapLeftovers(docker, runId)).toEqual({ containers: 1, volumes: 1, networks: 1 });
    expect(await leftovers({ runId })).toBe(0);
  });
});
