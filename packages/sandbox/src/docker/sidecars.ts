import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { SandboxConfig } from '../config';
import type { ParsedRunRequest } from '../sandbox-runner';
import { runLabels } from './labels';
import { CappedOutput } from './output';

type Services = NonNullable<ParsedRunRequest['services']>;

// Contract: /work/notes/sidecar-contract.md. Hostnames on the run's internal network.
export const POSTGRES_HOST = 'postgres';
export const REDIS_HOST = 'redis';
/** Each sidecar's log in a result: its last 32 KB. */
export const SERVICE_LOG_BYTES = 32 * 1024;
// An init script that outlives this is the author's problem; a server that never answers, the platform's.
const READY_TIMEOUT_MS = 30_000;

/** A sidecar did not start or its init SQL failed: the run ends with status error, this message and the logs. */
export class SidecarStartError extends Error {
  override name = 'SidecarStartError';
  constructor(
    message: string,
    readonly logs: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * The sidecars of one run. Environment is known before anything starts (the passwords are made here), so the
 * candidate's and the runner's containers can be created while the sidecars boot; `ready()` is awaited only
 * before the candidate's service starts.
 */
export interface RunSidecars {
  /** DATABASE_URL, PG*, REDIS_URL: merged into the candidate's service env */
  submissionEnv: Record<string, string>;
  /** TEST_DATABASE_URL (read-only role) when the challenge grants the tests read access */
  runnerEnv: Record<string, string>;
  /** resolves when every sidecar answers and its set-up ran; rejects with SidecarStartError */
  ready(): Promise<void>;
  /** each sidecar's log, last SERVICE_LOG_BYTES; never throws */
  logs(): Promise<Record<string, string>>;
}

/** The run network for an in-container run that has sidecars (without them it keeps network none). */
export async function createSidecarNetwork(docker: Docker, runId: string): Promise<string> {
  const name = `takehome-net-${runId}`;
  // Same settings as the black-box network: internal, and no host address on the bridge.
  await docker.createNetwork({
    Name: name, Driver: 'bridge', Internal: true, CheckDuplicate: true, Labels: runLabels(runId),
    Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' },
  });
  return name;
}

/**
 * Creates and starts the run's sidecars on NETWORK (in the background) and returns their env at once. The
 * containers carry the run's labels, so the run's `reapLeftovers` removes them with everything else.
 */
export function startSidecars(
  docker: Docker,
  config: SandboxConfig,
  req: ParsedRunRequest,
  network: string,
  progress: (message: string) => void,
): RunSidecars {
  const services = req.services as Services;
  const appPassword = secret();
  const roPassword = secret();
  const submissionEnv: Record<string, string> = {};
  const runnerEnv: Record<string, string> = {};
  const names: Record<string, string> = {};
  const starts: Promise<void>[] = [];
  if (services.postgres) {
    const pg = services.postgres;
    names.postgres = `takehome-pg-${req.runId}`;
    Object.assign(submissionEnv, {
      DATABASE_URL: `postgresql://app:${appPassword}@${POSTGRES_HOST}:5432/app`,
      PGHOST: POSTGRES_HOST, PGPORT: '5432', PGUSER: 'app', PGPASSWORD: appPassword, PGDATABASE: 'app',
    });
    if (pg.testAccess === 'read-only') runnerEnv.TEST_DATABASE_URL = `postgresql://tests_ro:${roPassword}@${POSTGRES_HOST}:5432/app`;
    starts.push(startPostgres(docker, config, req, network, names.postgres, pg, appPassword, roPassword, progress));
  }
  if (services.redis) {
    names.redis = `takehome-redis-${req.runId}`;
    submissionEnv.REDIS_URL = `redis://${REDIS_HOST}:6379/0`;
    starts.push(startRedis(docker, config, req, network, names.redis, services.redis, progress));
  }
  const logs = () => collectLogs(docker, names);
  const all = Promise.all(starts).then(() => undefined);
  // Awaited later; until then a failure must not surface as an unhandled rejection.
  all.catch(() => undefined);
  const ready = async () => {
    try {
      await all;
    } catch (err) {
      if (err instanceof SidecarStartError) throw new SidecarStartError(err.message, await logs());
      throw err; // Docker itself failed: the platform's problem, retried by the caller
    }
  };
  return { submissionEnv, runnerEnv, ready, logs };
}

function secret(): string {
  return randomBytes(18).toString('hex');
}

interface SidecarSpec {
  name: string;
  image: string;
  user: string;
  cmd?: string[];
  memoryMb: number;
  pids: number;
  tmpfs: Record<string, string>;
  alias: string;
}

/**
 * Hardened like the candidate's containers: read-only rootfs, every capability dropped (each server runs as its
 * own non-root user from the start, so it needs none), no-new-privileges, memory without swap, pids and CPU
 * limits, size-capped tmpfs for everything it writes, and only the run's internal network.
 */
async function createSidecar(docker: Docker, config: SandboxConfig, req: ParsedRunRequest, network: string, spec: SidecarSpec): Promise<Docker.Container> {
  const memory = spec.memoryMb * 1024 * 1024;
  return docker.createContainer({
    name: spec.name,
    Image: spec.image,
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    User: spec.user,
    Labels: { ...runLabels(req.runId), 'takehome.sidecar': spec.alias },
    HostConfig: {
      NetworkMode: network,
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: Math.round(Math.min(req.limits.cpus, 1) * 1e9),
      PidsLimit: spec.pids,
      ReadonlyRootfs: true,
      Tmpfs: spec.tmpfs,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Ulimits: [{ Name: 'nofile', Soft: config.nofile, Hard: config.nofile }],
      LogConfig: { Type: 'json-file', Config: { 'max-size': config.logMaxSize, 'max-file': '1' } },
      IpcMode: 'private',
      Privileged: false,
      AutoRemove: false,
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [spec.alias] } } },
  });
}

// Durability is off in the image (fsync, synchronous_commit, full_page_writes): the data is thrown away.
// Its data directory lives in tmpfs, which the memory cgroup charges: the memory limit covers both.
const PG_DATA_MB = 256;

async function startPostgres(
  docker: Docker, config: SandboxConfig, req: ParsedRunRequest, network: string, name: string,
  pg: NonNullable<Services['postgres']>, appPassword: string, roPassword: string, progress: (m: string) => void,
): Promise<void> {
  const container = await createSidecar(docker, config, req, network, {
    name, image: pg.image, user: '999:999', memoryMb: PG_DATA_MB + 256, pids: 128, alias: POSTGRES_HOST,
    tmpfs: {
      '/var/lib/postgresql/data': `rw,nosuid,nodev,noexec,size=${PG_DATA_MB}m,uid=999,gid=999,mode=0700`,
      '/var/run/postgresql': 'rw,nosuid,nodev,noexec,size=1m,uid=999,gid=999,mode=0755',
      '/tmp': 'rw,nosuid,nodev,noexec,size=16m,mode=1777',
    },
  });
  await container.start();
  const started = Date.now();
  // One exec does it all (each exec costs ~100 ms): wait for the socket, then set-up as superuser (peer
  // authentication over the local socket; postgres is not reachable as superuser from the network), then the
  // author's init SQL as role app so app owns what it creates, then the read-only role's grants.
  const setup = [
    // max_connections is 50: the app may hold 30, so the tests' read-only role (15) always gets in (3 more are the superuser's).
    `ALTER ROLE app PASSWORD '${appPassword}' CONNECTION LIMIT 30;`,
    ...pg.extensions.map((e) => `CREATE EXTENSION IF NOT EXISTS "${e}";`),
    ...(pg.testAccess === 'read-only'
      ? [
          `CREATE ROLE tests_ro LOGIN PASSWORD '${roPassword}' CONNECTION LIMIT 15;`,
          // The log reaches the candidate for practice runs: a failing hidden query's text must not be in it.
          "ALTER ROLE tests_ro SET log_min_error_statement = 'panic';",
          'GRANT CONNECT ON DATABASE app TO tests_ro;',
          'GRANT USAGE ON SCHEMA public TO tests_ro;',
          'ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA public GRANT SELECT ON TABLES TO tests_ro;',
          'ALTER DEFAULT PRIVILEGES FOR ROLE app IN SCHEMA public GRANT SELECT ON SEQUENCES TO tests_ro;',
        ]
      : []),
  ].join('\n');
  const grants = pg.testAccess === 'read-only'
    ? 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO tests_ro; GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO tests_ro;'
    : '';
  const polls = Math.ceil(READY_TIMEOUT_MS / 50);
  const psql = 'psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -U postgres -d app';
  const script = [
    `i=0; until pg_isready -q -h /var/run/postgresql -d postgres; do i=$((i+1)); if [ $i -ge ${polls} ]; then echo "no answer within ${READY_TIMEOUT_MS} ms"; exit 3; fi; sleep 0.05; done`,
    `printf '%s' "$SETUP_SQL" | ${psql} -f - || exit 4`,
    pg.initSql !== undefined ? `printf '%s' "$INIT_SQL" | ${psql} -c 'SET SESSION AUTHORIZATION app' -f - 2>&1 || exit 5` : '',
    grants ? `${psql} -c "${grants}" || exit 4` : '',
  ].filter(Boolean).join('\n');
  const env = [`SETUP_SQL=${setup}`, ...(pg.initSql !== undefined ? [`INIT_SQL=${pg.initSql}`] : [])];
  const result = await execIn(container, ['/bin/sh', '-c', script], env);
  const out = result.output.trim();
  if (result.exitCode === 0) {
    progress(`postgres ready in ${Date.now() - started} ms (PostgreSQL ${pg.version}, DATABASE_URL)`);
    return;
  }
  const running = (await container.inspect().catch(() => undefined))?.State?.Running;
  const why =
    result.exitCode === 5
      ? `the init SQL ${pg.initPath ?? ''} failed: ${out.replaceAll('<stdin>', pg.initPath ?? 'init.sql')}`
      : result.exitCode === 3
        ? running === false ? 'the server exited (see its log)' : out
        : `set-up failed (exit ${result.exitCode}): ${out}`;
  throw new SidecarStartError(`postgres did not become ready: ${why}`, {});
}

async function startRedis(
  docker: Docker, config: SandboxConfig, req: ParsedRunRequest, network: string, name: string,
  redis: NonNullable<Services['redis']>, progress: (m: string) => void,
): Promise<void> {
  const container = await createSidecar(docker, config, req, network, {
    name, image: redis.image, user: '998:998', memoryMb: 128, pids: 32, alias: REDIS_HOST,
    // Nothing persisted (no RDB, no AOF); maxmemory below the cgroup limit so a flood gets an error, not the OOM killer.
    cmd: ['redis-server', '--port', '6379', '--bind', '0.0.0.0', '--protected-mode', 'no', '--save', '', '--appendonly', 'no',
      '--dir', '/tmp', '--maxmemory', '64mb', '--maxmemory-policy', 'noeviction', '--maxclients', '200'],
    tmpfs: { '/tmp': 'rw,nosuid,nodev,noexec,size=8m,mode=1777' },
  });
  await container.start();
  const started = Date.now();
  const polls = Math.ceil(READY_TIMEOUT_MS / 50);
  const script = `i=0; until [ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" = PONG ]; do i=$((i+1)); if [ $i -ge ${polls} ]; then echo "no PONG within ${READY_TIMEOUT_MS} ms"; exit 3; fi; sleep 0.05; done`;
  const result = await execIn(container, ['/bin/sh', '-c', script], []);
  if (result.exitCode === 0) {
    progress(`redis ready in ${Date.now() - started} ms (Redis ${redis.version}, REDIS_URL)`);
    return;
  }
  throw new SidecarStartError(`redis did not become ready: ${result.output.trim() || `exit ${result.exitCode}`}`, {});
}

async function execIn(container: Docker.Container, cmd: string[], env: string[]): Promise<{ exitCode: number | null; output: string }> {
  const exec = await container.exec({ Cmd: cmd, Env: env, AttachStdout: true, AttachStderr: true, Tty: false, WorkingDir: '/tmp' });
  const stream = (await exec.start({ hijack: true, stdin: false })) as unknown as Readable;
  const output = new CappedOutput(16 * 1024);
  await output.consume(stream);
  const info = await exec.inspect().catch(() => undefined);
  return { exitCode: info && !info.Running ? info.ExitCode : null, output: output.text() };
}

async function collectLogs(docker: Docker, names: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    Object.entries(names).map(async ([service, name]) => {
      const raw = await docker
        .getContainer(name)
        .logs({ stdout: true, stderr: true, follow: false, tail: 2000 })
        .catch(() => undefined);
      out[service] = raw ? lastBytes(demux(raw as unknown as Buffer), SERVICE_LOG_BYTES) : '';
    }),
  );
  return out;
}

/** Docker's non-TTY log stream: [type, 0, 0, 0, size uint32 BE] + payload frames. */
function demux(buf: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= buf.length) {
    const size = buf.readUInt32BE(at + 4);
    parts.push(buf.subarray(at + 8, Math.min(buf.length, at + 8 + size)));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

function lastBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  return `[log truncated: first ${bytes.length - max} bytes dropped]\n${bytes.subarray(bytes.length - max).toString('utf8')}`;
}
