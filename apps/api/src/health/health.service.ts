import { Injectable } from '@nestjs/common';
import type { DependencyStatus, HealthResponse } from '@takehome/contracts';
import { WORKER_HEARTBEAT_PREFIX } from '@takehome/jobs';
import { PrismaService } from '../database/prisma.service';
import { DockerService } from '../infra/docker.service';
import { RedisService } from '../infra/redis.service';

const CHECK_TIMEOUT_MS = 2_000;
const startedAt = Date.now();

@Injectable()
export class HealthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisService,
    private readonly docker: DockerService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis, docker] = await Promise.all([
      probe(() => this.prisma.client.$queryRaw`SELECT 1`),
      probe(() => this.redis.client.ping()),
      probe(() => this.docker.client.ping()),
    ]);
    const workers = redis.status === 'up' ? await this.countWorkers().catch(() => 0) : 0;
    const allUp = [database, redis, docker].every((c) => c.status === 'up');
    return {
      status: allUp ? 'ok' : 'degraded',
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      checks: { database, redis, docker },
      workers: { online: workers },
    };
  }

  private async countWorkers(): Promise<number> {
    let count = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.client.scan(cursor, 'MATCH', `${WORKER_HEARTBEAT_PREFIX}*`, 'COUNT', 100);
      count += keys.length;
      cursor = next;
    } while (cursor !== '0');
    return count;
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
