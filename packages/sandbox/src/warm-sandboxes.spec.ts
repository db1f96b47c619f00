import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxConfig } from './config';
import { DockerSandboxRunner } from './docker-sandbox-runner';
import { CURRENT_OWNER, OWNER_LABEL, RUN_ID_LABEL, SANDBOX_LABEL } from './docker/labels';
import { blackBoxRequest, docker, leftovers, loadDir, requireDocker } from './test-support/harness';

/** The run ids of this process's sets booted ahead, with their containers' states. */
async function warmSets(): Promise<Map<string, string[]>> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=1`, `${OWNER_LABEL}=${CURRENT_OWNER}`] } });
  const sets = new Map<string, string[]>();
  for (const c of containers.filter((c) => c.Labels[RUN_ID_LABEL].startsWith('warm-'))) {
    sets.set(c.Labels[RUN_ID_LABEL], [...(sets.get(c.Labels[RUN_ID_LABEL]) ?? []), c.State]);
  }
  return sets;
}

async function runOnce(runner: DockerSandboxRunner) {
  const messages: string[] = [];
  const result = await runner.run(blackBoxRequest(loadDir('node-service')), { onProgress: (p) => messages.push(p.message) });
  return { result, messages };
}

describe('sandboxes booted ahead (SANDBOX_WARM_SHAPES)', () => {
  const runner = new DockerSandboxRunner(createSandboxConfig({ ...process.env, SANDBOX_WARM_SHAPES: '1' }), docker);
  beforeAll(requireDocker);
  afterAll(() => runner.close());

  it('a run of the same shape uses the set the last one left; each set serves one run and close() leaves nothing', async () => {
    const first = await runOnce(runner);
    expect(first.result).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
    expect(first.messages).toContain('starting the submission and the test runner');
    // After the run, not during it: two sets of two running containers, each under an id of its own.
    await expect.poll(async () => [...(await warmSets()).values()], { timeout: 15_000 }).toEqual([['running', 'running'], ['running', 'running']]);
    const before = [...(await warmSets()).keys()];

    const second = await runOnce(runner);
    expect(second.result).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
    expect(second.messages).toContain('using a sandbox booted ahead for this run');
    expect(second.messages).not.toContain('starting the submission and the test runner');
    // The set it used is gone with the run, and a new one took its place.
    await expect.poll(async () => [...(await warmSets()).keys()], { timeout: 15_000 }).toHaveLength(2);
    const now = [...(await warmSets()).keys()];
    const used = before.filter((id) => !now.includes(id));
    expect(used).toHaveLength(1);
    expect(await leftovers({ runId: used[0] })).toBe(0);

    await runner.close();
    expect(await leftovers()).toBe(0);
  });

  it('a set whose containers stopped (the engine restarted) is removed, and the run boots its own', async () => {
    const runner = new DockerSandboxRunner(createSandboxConfig({ ...process.env, SANDBOX_WARM_SHAPES: '1' }), docker);
    try {
      await runOnce(runner);
      await expect.poll(async () => [...(await warmSets()).values()], { timeout: 15_000 }).toEqual([['running', 'running'], ['running', 'running']]);
      const stale = [...(await warmSets()).keys()];
      const containers = await docker.listContainers({ filters: { label: [`${SANDBOX_LABEL}=1`, `${OWNER_LABEL}=${CURRENT_OWNER}`] } });
      await Promise.all(containers.map((c) => docker.getContainer(c.Id).kill()));

      const next = await runOnce(runner);
      expect(next.result).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
      expect(next.messages).toContain('starting the submission and the test runner');
      // The one it found stopped is removed at once; the other when it is taken or the runner closes.
      const removed = await Promise.all(stale.map(async (id) => (await leftovers({ runId: id })) === 0));
      expect(removed.filter(Boolean)).toHaveLength(1);
    } finally {
      await runner.close();
    }
    expect(await leftovers()).toBe(0);
  });
});
