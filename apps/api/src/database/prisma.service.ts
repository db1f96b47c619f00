import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabase, type Database, type PrismaClient } from '@takehome/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Owns the one Prisma client of the process and the pg pool under it. Only repository classes use it. */
@Injectable()
export class PrismaService implements OnApplicationShutdown {
  readonly client: PrismaClient;
  private readonly pool: Database['pool'];

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    ({ prisma: this.client, pool: this.pool } = createDatabase(config.DATABASE_URL, {
      poolSize: config.DATABASE_POOL_SIZE,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    }));
  }

  /**
   * One statement sent straight to pg as the prepared statement `name`, skipping Prisma's per-query work: in the
   * autosave bench that work was about a quarter of the API's CPU per save. Kept to the autosave's two statements,
   * which run hundreds of times a second on a hiring day; everything else goes through `client`. A timestamp column
   * must be selected `AT TIME ZONE 'UTC'`: Prisma stores UTC in columns without a time zone, which pg alone would
   * read in the process's own time zone.
   */
  async preparedQuery<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name, text, values })).rows as T[];
  }

  /** After the HTTP server has closed (Nest's last shutdown step), so requests still in flight finish their queries. */
  async onApplicationShutdown() {
    await this.client.$disconnect();
  }
}
