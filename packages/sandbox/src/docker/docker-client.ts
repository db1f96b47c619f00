import Docker from 'dockerode';
import { Agent } from 'node:http';
import type { SandboxConfig } from '../config';

/**
 * The engine a runner drives: DOCKER_HOST when set (a remote or TCP engine, dockerode's own rule), else the
 * socket SANDBOX_DOCKER_SOCKET names (default /var/run/docker.sock). The worker and the CLI both build theirs here.
 */
export function createDockerClient(config: Pick<SandboxConfig, 'dockerSocket'>, env: NodeJS.ProcessEnv = process.env): Docker {
  return env.DOCKER_HOST ? new Docker() : new Docker({ socketPath: config.dockerSocket });
}

/**
 * The same engine, but every request on a new connection: for probing whether the engine is there. An engine
 * that is shutting down refuses new connections at once while it still serves kept-alive ones (and stops the
 * runs' containers under them), so only a fresh connection tells the truth.
 */
export function createEngineProbeClient(config: Pick<SandboxConfig, 'dockerSocket'>, env: NodeJS.ProcessEnv = process.env): Docker {
  const overTls = Boolean(env.DOCKER_HOST && env.DOCKER_TLS_VERIFY);
  if (overTls) return createDockerClient(config, env);
  // docker-modem passes `agent` to each request; dockerode's types leave it out.
  const agent = { agent: new Agent({ keepAlive: false }) } as Docker.DockerOptions;
  return env.DOCKER_HOST ? new Docker(agent) : new Docker({ socketPath: config.dockerSocket, ...agent });
}
