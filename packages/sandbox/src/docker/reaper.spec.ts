import { beforeAll, describe, expect, it } from 'vitest';
import { docker, leftovers, requireDocker } from '../test-support/harness';
import { runLabels } from './labels';
import { reapLeftovers } from './reaper';

describe(reapLeftovers.name, () => {
  beforeAll(requireDocker);

  it('removes what a crashed run left: container (running), volume and network', async () => {
    const runId = `reap-${Date.now()}`;
    await docker.createNetwork({ Name: `takehome-net-${runId}`, Internal: true, Labels: runLabels(runId) });
    await docker.createVolume({ Name: `takehome-ws-${runId}`, Labels: runLabels(runId) });
    const c = await docker.createContainer({
      Image: 'takehome/node20', Cmd: ['/bin/sh', '-c', 'read x'], OpenStdin: true, Labels: runLabels(runId),
      HostConfig: { NetworkMode: `takehome-net-${runId}`, Mounts: [{ Type: 'volume', Source: `takehome-ws-${runId}`, Target: '/workspace' }] },
    });
    await c.start();
    const unrelated = `unrelated-${runId}`;
    await docker.createVolume({ Name: unrelated });
    try {
      expect(await reapLeftovers(docker)).toEqual({ containers: 1, volumes: 1, networks: 1 });
      expect(await leftovers()).toBe(0);
      expect((await docker.getVolume(unrelated).inspect()).Name).toBe(unrelated);
    } finally {
      await docker.getVolume(unrelated).remove();
    }
  });
});
