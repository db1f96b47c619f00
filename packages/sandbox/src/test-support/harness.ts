import Docker from 'dockerode';
import { reapLeftovers } from '../docker/reaper';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSandboxConfig, DockerSandboxRunner, SANDBOX_LABEL, type RunRequest } from '..';
import { CURRENT_OWNER, OWNER_LABEL, RUN_ID_LABEL } from '../docker/labels';

export const FIXTURES = path.join(__dirname, '../../test/fixtures');
export const docker = new Docker({ socketPath: '/var/run/docker.sock' });
export const runner = new DockerSandboxRunner(createSandboxConfig(process.env), docker);

/** Fails loudly (never skips) when the engine or the runtime images are missing. */
export async function requireDocker(): Promise<void> {
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(`Docker engine not reachable (${(err as Error).message}): run scripts/services.sh up`);
  }
  const images = ['node20', 'python3', ...Object.keys(COMPILED)].flatMap((rt) => [`takehome/${rt}`, `takehome/${rt}-runner`]);
  for (const image of images) {
    await docker.getImage(image).inspect().catch(() => {
      throw new Error(`image ${image} missing: run docker/build-images.sh`);
    });
  }
  // Suites count every labelled object; debris of crashed processes from earlier suites must not count here.
  await reapLeftovers(docker);
}

/** The host's own IPv4 addresses (loopback excluded), all of which a sandbox must fail to reach. */
export function hostAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flat().filter((i) => i && i.family === 'IPv4' && !i.internal).map((i) => i!.address);
}

/** A listener on every host address that answers HOST-REACHED: a sandbox's output holding that word reached the host. */
export async function startHostListener(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((s) => s.end('HOST-REACHED\n'));
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

/** JavaScript for a probe inside a sandbox: sets `gw` to the container's default gateway (from /proc/net/route), or null. */
export const READ_GATEWAY_JS = `const hex = require('fs').readFileSync('/proc/net/route', 'utf8').split('\\n').map((l) => l.split('\\t')).find((c) => c[1] === '00000000')?.[2];
        const gw = hex ? hex.match(/../g).reverse().map((h) => parseInt(h, 16)).join('.') : null;`;

export function loadDir(dir: string): Record<string, string> {
  const root = path.join(FIXTURES, dir);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(root, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

let counter = 0;
export function runId(tag: string): string {
  return `t${process.pid}-${Date.now().toString(36)}-${++counter}-${tag}`.slice(0, 63);
}

const limits = { timeoutMs: 20_000, memoryMb: 256, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 64 * 1024 };
const nodeRuntime = { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'] };
const pythonRuntime = { image: 'takehome/python3', runnerImage: 'takehome/python3-runner', startCommand: ['python3', 'main.py'] };

/**
 * The other language runtimes, as packages/challenge's catalogue configures them (the sandbox cannot import
 * it: packages/challenge depends on the sandbox). Fixtures: test/fixtures/<runtime>-service.
 */
export const COMPILED = {
  go: { buildCommand: ['/opt/takehome/build-go'], startCommand: ['./.build/service'] },
  java17: { buildCommand: ['/opt/takehome/build-java'], startCommand: ['java', '-XX:+UseSerialGC', '-Xss512k', '-cp', '.build:/usr/share/java/postgresql.jar:/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar:/usr/share/java/jackson-annotations.jar', 'Main'] },
  cpp: { buildCommand: ['/opt/takehome/build-cpp'], startCommand: ['./.build/service'] },
  ruby: { startCommand: ['ruby', 'main.rb'] },
} as const satisfies Record<string, { buildCommand?: readonly string[]; startCommand: readonly string[] }>;
export type OtherRuntime = keyof typeof COMPILED;

/** A black-box request for another runtime's notes service (or the given files) against the notes suite. */
export function languageRequest(rt: OtherRuntime, files: Record<string, string> = loadDir(`${rt}-service`), overrides: Partial<RunRequest> = {}): RunRequest {
  const spec: { buildCommand?: readonly string[]; startCommand: readonly string[] } = COMPILED[rt];
  return blackBoxRequest(files, {
    runtime: {
      image: `takehome/${rt}`,
      runnerImage: 'takehome/node20-runner',
      startCommand: [...spec.startCommand],
      ...(spec.buildCommand ? { buildCommand: [...spec.buildCommand] } : {}),
    },
    // JVM start-up is slower than the others' under a shared CPU.
    service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 15_000 },
    limits: { ...limits, memoryMb: 512, buildTimeoutMs: 90_000 },
    ...overrides,
  });
}

/** A black-box request against the hidden notes suite (node:test in node20-runner). */
export function blackBoxRequest(
  submissionFiles: Record<string, string>,
  overrides: Partial<RunRequest> = {},
  runtime: 'node' | 'python' = 'node',
): RunRequest {
  return {
    runId: runId('bb'),
    runtime: runtime === 'node' ? nodeRuntime : { ...pythonRuntime, runnerImage: 'takehome/node20-runner' },
    mode: 'black-box',
    submissionFiles,
    testFiles: loadDir('blackbox-suite'),
    testCommand: ['node', '--test', '--test-reporter=junit', '--test-reporter-destination=results/junit.xml'],
    reportFormat: 'junit',
    reportPath: 'results/junit.xml',
    service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 8000 },
    limits,
    defaultVisibility: 'hidden',
    ...overrides,
  };
}

/** An in-container request: the node:test practice suite next to the submission. */
export function nodeInContainerRequest(submissionFiles: Record<string, string>, overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    runId: runId('ic'),
    runtime: nodeRuntime,
    mode: 'in-container',
    submissionFiles,
    testFiles: loadDir('node-incontainer-suite'),
    testCommand: ['node', '--test', '--test-reporter=junit', '--test-reporter-destination=results/junit.xml'],
    reportFormat: 'junit',
    reportPath: 'results/junit.xml',
    limits,
    defaultVisibility: 'visible',
    ...overrides,
  };
}

export function pythonInContainerRequest(overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    runId: runId('py'),
    runtime: pythonRuntime,
    mode: 'in-container',
    submissionFiles: loadDir('python-service'),
    testFiles: loadDir('python-incontainer-suite'),
    testCommand: ['/opt/takehome/unittest-junit', 'results/junit.xml', '.'],
    reportFormat: 'junit',
    reportPath: 'results/junit.xml',
    limits,
    defaultVisibility: 'visible',
    ...overrides,
  };
}

/**
 * Labelled containers, volumes and networks still present (should always be zero after a run). Only this test
 * process's own, or one run's: other processes sharing the engine (a worker, another checkout's suite) have
 * runs of their own in flight.
 */
export async function leftovers(scope: { runId?: string; owner?: string } = {}): Promise<number> {
  const label = scope.runId ? `${RUN_ID_LABEL}=${scope.runId}` : `${OWNER_LABEL}=${scope.owner ?? CURRENT_OWNER}`;
  const filters = { label: [`${SANDBOX_LABEL}=1`, label] };
  const [c, v, n] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
  ]);
  return c.length + (v.Volumes?.length ?? 0) + n.length;
}
