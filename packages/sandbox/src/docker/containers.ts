import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { SandboxConfig } from '../config';
import type { ParsedRunRequest } from '../sandbox-runner';
import { runLabels } from './labels';
import { CappedOutput } from './output';

type Limits = ParsedRunRequest['limits'];

// PID 1 of every sandbox container: a shell builtin blocking on an open stdin, so the container (and its
// tmpfs workspace volume) stays up while files go in, commands run through exec and reports come out.
const KEEPALIVE = ['/bin/sh', '-c', 'read _ignored'];

/**
 * A tmpfs-backed volume as the workspace: size-limited and memory-only like a --tmpfs mount, but visible
 * to putArchive/getArchive (Docker cannot copy into --tmpfs mounts or into a read-only rootfs).
 */
export async function createWorkspaceVolume(
  docker: Docker,
  name: string,
  runId: string,
  sizeMb: number,
  user: { uid: number; gid: number },
): Promise<void> {
  await docker.createVolume({
    Name: name,
    Driver: 'local',
    DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: `size=${sizeMb}m,uid=${user.uid},gid=${user.gid},mode=0700,nosuid,nodev` },
    Labels: runLabels(runId),
  });
}

export interface HardenedContainerSpec {
  name: string;
  image: string;
  runId: string;
  volume: string;
  network: string;
  env: Record<string, string>;
  limits: Limits;
  /** DNS alias on the run network (the submission answers to its container name anyway) */
  aliases?: string[];
}

export async function createHardenedContainer(
  docker: Docker,
  config: SandboxConfig,
  spec: HardenedContainerSpec,
): Promise<Docker.Container> {
  const { limits } = spec;
  const memory = limits.memoryMb * 1024 * 1024;
  const fsize = limits.workspaceMb * 1024 * 1024;
  return docker.createContainer({
    name: spec.name,
    Image: spec.image,
    Cmd: KEEPALIVE,
    Entrypoint: [],
    User: config.user,
    WorkingDir: config.workspace,
    // Environment is fixed at create time; only run-specific, non-secret values ever go in.
    Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
    Labels: runLabels(spec.runId),
    OpenStdin: true,
    AttachStdin: false,
    Tty: false,
    NetworkDisabled: spec.network === 'none',
    HostConfig: {
      NetworkMode: spec.network,
      Memory: memory,
      MemorySwap: memory, // no swap: a memory bomb hits the limit instead of thrashing the host
      NanoCpus: Math.round(limits.cpus * 1e9),
      PidsLimit: limits.pids,
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,exec,nosuid,nodev,size=${config.tmpMb}m,mode=1777` },
      Mounts: [{ Type: 'volume', Source: spec.volume, Target: config.workspace, ReadOnly: false }],
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Ulimits: [
        { Name: 'nofile', Soft: config.nofile, Hard: config.nofile },
        { Name: 'fsize', Soft: fsize, Hard: fsize },
      ],
      LogConfig: { Type: 'json-file', Config: { 'max-size': config.logMaxSize, 'max-file': '1' } },
      IpcMode: 'private',
      Privileged: false,
      AutoRemove: false,
    },
    NetworkingConfig:
      spec.network === 'none' || !spec.aliases
        ? undefined
        : { EndpointsConfig: { [spec.network]: { Aliases: spec.aliases } } },
  });
}

export interface ExecResult {
  exitCode: number | null;
  output: string;
}

/** Starts CMD through exec and returns its capped output once it exits (or its container is killed). */
export async function startExec(
  container: Docker.Container,
  cmd: string[],
  maxBytes: number,
  workdir: string,
): Promise<{ done: Promise<ExecResult>; output: CappedOutput }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, WorkingDir: workdir, Tty: false });
  const stream = (await exec.start({ hijack: true, stdin: false })) as unknown as Readable;
  const output = new CappedOutput(maxBytes);
  const done = output.consume(stream).then(async () => {
    const info = await exec.inspect().catch(() => undefined);
    return { exitCode: info && !info.Running ? info.ExitCode : null, output: output.text() };
  });
  return { done, output };
}

// Docker 20.10 only flags OOMKilled when PID 1 dies; an exec'd process killed by the OOM killer shows
// up only in the cgroup's own counter, read from inside (dash builtins, so any image works).
const OOM_PROBE = 'p() { while read -r l; do echo "$l"; done < "$1"; }; p /sys/fs/cgroup/memory/memory.oom_control 2>/dev/null || p /sys/fs/cgroup/memory.events';

export async function wasOomKilled(container: Docker.Container): Promise<boolean> {
  const info = await container.inspect().catch(() => undefined);
  if (!info) return false;
  if (info.State?.OOMKilled) return true;
  if (!info.State?.Running) return false;
  const probe = await startExec(container, ['/bin/sh', '-c', OOM_PROBE], 4096, '/').catch(() => undefined);
  const output = probe ? (await probe.done).output : '';
  return Number(/^oom_kill (\d+)$/m.exec(output)?.[1] ?? 0) > 0;
}
