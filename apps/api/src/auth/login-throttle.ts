import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { RedisService } from '../infra/redis.service';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Counts failed logins per account and per client address in Redis, so the limit holds across API
 * processes. Successful logins clear the account's count.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await this.redis.client.mget(this.accountKey(email), this.addressKey(address));
    if (Number(account ?? 0) >= MAX_FAILURES_PER_ACCOUNT || Number(client ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
      const ttl = Math.max(await this.redis.client.ttl(this.accountKey(email)), await this.redis.client.ttl(this.addressKey(address)), 1);
      throw new HttpException(
        {
          statusCode: 429,
          message: `Too many failed sign-in attempts. Try again in ${Math.ceil(ttl / 60)} minute(s).`,
          retryAfterSeconds: ttl,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const tx = this.redis.client.multi();
    for (const key of [this.accountKey(email), this.addressKey(address)]) {
      tx.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    }
    await tx.exec();
  }

  async clear(email: string): Promise<void> {
    await this.redis.client.del(this.accountKey(email));
  }

  private accountKey(email: string) {
    return `${this.config.REDIS_KEY_PREFIX}login-failures:account:${email}`;
  }
  private addressKey(address: string) {
    return `${this.config.REDIS_KEY_PREFIX}login-failures:address:${address}`;
  }
}
