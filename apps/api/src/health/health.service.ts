import { Inject, Injectable } from '@nestjs/common';
import type { DependencyStatus, HealthResponse } from '@takehome/contracts';
import { WORKER_HEARTBEAT_PREFIX, workerHeartbeat, type WorkerHeartbeat } from '@takehome/jobs';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { PrismaService } from '../database/prisma.service';
import { DockerService } from '../infra/docker.service';
import { RedisService } from '../infra/redis.service';
import { checkDiskSpace } from './disk-space';

const CHECK_TIMEOUT_MS = 2_000;
const startedAt = Date.now();

@Injectable()
export class HealthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisService,
    private readonly docker: DockerService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis, local, disk] = await Promise.all([
      probe(() => this.prisma.client.$queryRaw`SELECT 1`),
      probe(() => this.redis.client.ping()),
      this.config.HEALTH_DOCKER === 'local' ? probe(() => this.docker.client.ping()) : null,
      checkDiskSpace(this.config.HEALTH_DISK_PATHS ?? [this.config.MAIL_DIR], this.config.HEALTH_DISK_MIN_FREE_MB),
    ]);
    const beats = redis.status === 'up' ? await this.heartbeats().catch(() => []) : [];
    const workers = beats.length;
    const docker = local ?? engineOf(beats);
    const allUp = [database, redis, docker, disk].every((c) => c.status === 'up');
    return {
      status: allUp ? 'ok' : 'degraded',
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      checks: { database, redis, docker, disk },
      workers: { online: workers },
    };
  }

  /** Every live worker's latest beat (a key expires with its worker). */
  private async heartbeats(): Promise<WorkerHeartbeat[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await this.redis.client.scan(cursor, 'MATCH', `${WORKER_HEARTBEAT_PREFIX}*`, 'COUNT', 100);
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    if (keys.length === 0) return [];
    const values = await Promise.all(keys.map((k) => this.redis.client.get(k)));
    return values.flatMap((v) => {
      const parsed = workerHeartbeat.safeParse(safeJson(v));
      return parsed.success ? [parsed.data] : [];
    });
  }
}

/** The engine as the workers that own it see it: up if any live worker reaches it. */
function engineOf(beats: WorkerHeartbeat[]): DependencyStatus {
  const reports = beats.flatMap((b) => (b.docker ? [b.docker] : []));
  const up = reports.find((r) => r.status === 'up');
  if (up) return { status: 'up', latencyMs: up.latencyMs };
  if (reports.length) return { status: 'down', latencyMs: reports[0].latencyMs, error: reports[0].error ?? 'no worker reaches its Docker engine' };
  return { status: 'down', latencyMs: 0, error: 'no live worker reports a Docker engine' };
}

function safeJson(text: string | null): unknown {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function probe(call: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      call(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: message.split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}
