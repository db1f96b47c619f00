import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The API's general-purpose Redis connection (health, counters); BullMQ keeps its own connections. */
@Injectable()
export class RedisService implements OnModuleInit, OnModuleDestroy {
  readonly client: Redis;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    // Fail fast instead of queueing commands forever while Redis is down, so health answers promptly.
    this.client = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // Connection errors surface through health; without a listener ioredis would print each retry.
    this.client.on('error', () => {});
  }

  async onModuleInit() {
    // Start-up does not wait for Redis to come back: health reports it as down until it does.
    await this.client.connect().catch(() => {});
  }

  async onModuleDestroy() {
    this.client.disconnect();
  }
}
