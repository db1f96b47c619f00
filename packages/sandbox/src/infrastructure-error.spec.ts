import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { createSandboxConfig } from './config';
import { DockerSandboxRunner, SandboxInfrastructureError } from './docker-sandbox-runner';
import { loadDir, nodeInContainerRequest } from './test-support/harness';

describe('DockerSandboxRunner when the engine is unreachable', () => {
  it('throws an infrastructure error instead of grading the submission', async () => {
    const unreachable = new Docker({ socketPath: '/nonexistent/docker.sock' });
    const runner = new DockerSandboxRunner(createSandboxConfig({}), unreachable);
    const request = nodeInContainerRequest(loadDir('node-service'));
    await expect(runner.run(request)).rejects.toBeInstanceOf(SandboxInfrastructureError);
  });
});
