import type { ServiceSessionRequest, TerminalSessionRequest } from '@takehome/sandbox';
import type { ChallengePackage } from './challenge-package';
import type { Runtime } from './challenge-manifest.schema';
import type { FileMap } from './package-files';
import { RUNTIME_CATALOGUE } from './runtime-catalogue';
import { serviceInputs } from './run-inputs';
import { DEFAULT_LIMITS, RUNTIME_IMAGES, sidecarRequest } from './sandbox-request';

// The console's requests are sent from this image: it has node, and joins the service's loopback only.
const PROBE_IMAGE = 'takehome/node20-runner';

function limits(pkg: ChallengePackage) {
  const own = pkg.manifest.limits;
  return {
    memoryMb: own?.memoryMb ?? DEFAULT_LIMITS.memoryMb,
    cpus: own?.cpus ?? DEFAULT_LIMITS.cpus,
    pids: DEFAULT_LIMITS.pids,
    workspaceMb: DEFAULT_LIMITS.workspaceMb,
    outputBytes: DEFAULT_LIMITS.outputBytes,
    buildTimeoutMs: (own?.buildSeconds ?? DEFAULT_LIMITS.buildSeconds) * 1000,
  };
}

/** The candidate's service as the black-box suites start it (same image, command, port and limits). */
export function serviceSessionRequest(pkg: ChallengePackage, runtime: Runtime, files: FileMap, sessionId: string): ServiceSessionRequest {
  const spec = RUNTIME_CATALOGUE[runtime];
  return {
    sessionId,
    image: RUNTIME_IMAGES[runtime].image,
    probeImage: PROBE_IMAGE,
    startCommand: [...spec.startCommand],
    ...(spec.buildCommand ? { buildCommand: [...spec.buildCommand] } : {}),
    port: pkg.manifest.service.port,
    readinessPath: pkg.manifest.service.readinessPath,
    files: { ...files },
    limits: limits(pkg),
    // The console's service needs the challenge's database like the runs' does.
    ...(pkg.manifest.services ? { services: sidecarRequest(serviceInputs(pkg) ?? {}) } : {}),
  };
}

/** A terminal in the runtime's runner image (its test tools included) over the candidate's files. */
export function terminalSessionRequest(pkg: ChallengePackage, runtime: Runtime, files: FileMap, sessionId: string): TerminalSessionRequest {
  return { sessionId, image: RUNTIME_IMAGES[runtime].runnerImage, files: { ...files }, limits: limits(pkg) };
}
