import { createDockerClient, createSandboxConfig, DockerSandboxRunner, SandboxConfigError } from '@takehome/sandbox';
import { CliError } from './cli-error';

/** The same runner the worker uses, on the Docker engine DOCKER_HOST (or SANDBOX_DOCKER_SOCKET) points at. */
export async function createRunner(): Promise<DockerSandboxRunner> {
  let config;
  try {
    config = createSandboxConfig(process.env);
  } catch (error) {
    if (error instanceof SandboxConfigError) throw new CliError(error.message);
    throw error;
  }
  const docker = createDockerClient(config);
  await docker.ping().catch((e: Error) => {
    throw new CliError(`Docker engine not reachable (DOCKER_HOST or ${config.dockerSocket}): ${e.message}`);
  });
  return new DockerSandboxRunner(config, docker);
}

/** Progress goes to stderr so stdout stays one machine-readable JSON object. */
export function progressPrinter(quiet: boolean) {
  return (p: { phase: string; message: string }) => {
    if (!quiet) process.stderr.write(`  · ${p.phase}: ${p.message}\n`);
  };
}
