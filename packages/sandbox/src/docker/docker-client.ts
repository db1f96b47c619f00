import Docker from 'dockerode';
import type { SandboxConfig } from '../config';

/**
 * The engine a runner drives: DOCKER_HOST when set (a remote or TCP engine, dockerode's own rule), else the
 * socket SANDBOX_DOCKER_SOCKET names (default /var/run/docker.sock). The worker and the CLI both build theirs here.
 */
export function createDockerClient(config: Pick<SandboxConfig, 'dockerSocket'>, env: NodeJS.ProcessEnv = process.env): Docker {
  return env.DOCKER_HOST ? new Docker() : new Docker({ socketPath: config.dockerSocket });
}
