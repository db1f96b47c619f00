import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { RedisService } from '../infra/redis.service';

const WINDOW_SECONDS = 15 * 60;
/** Wrong passwords for one account from one address before that address may no longer try that account. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Wrong passwords from one address, whichever accounts, before that address may no longer try any. */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** Wrong passwords for one account (from anywhere) before each further attempt on it is slowed down. */
const FREE_FAILURES_PER_ACCOUNT = 3;
const MAX_DELAY_MS = 2_000;

/**
 * Slows password guessing without letting anyone lock a person out. The old rule (five failures lock the
 * account for everyone) let any stranger keep a colleague out by typing wrong passwords for their email.
 * Now, in Redis so it holds across API processes:
 * - an address that failed 5 times for an account is refused for that account (429), and one that failed
 *   30 times in all is refused for every account; the real user, from their own address, is not affected;
 * - failures for an account from all addresses together (a distributed guess) slow every further attempt on
 *   it by a growing delay, at most 2 s: a nuisance for the real user, a wall for an attacker who needs
 *   millions of tries;
 * - a correct password clears that account's counters.
 * Addresses are req.ip, which is the client's address only when TRUST_PROXY names the proxy in front.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Throws 429 when this address may not try this account now; otherwise waits the account's delay. */
  async beforeAttempt(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const [pair, client, account] = (await this.redis.client.mget(keys.pair, keys.address, keys.account)).map((v) => Number(v ?? 0));
    if (pair! >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS || client! >= MAX_FAILURES_PER_ADDRESS) {
      const ttl = Math.max(await this.redis.client.ttl(pair! >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS ? keys.pair : keys.address), 1);
      throw new HttpException(
        { statusCode: 429, message: `Too many failed sign-in attempts from your network. Try again in ${Math.ceil(ttl / 60)} minute(s).`, retryAfterSeconds: ttl },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const over = account! - FREE_FAILURES_PER_ACCOUNT;
    if (over > 0) await sleep(Math.min(MAX_DELAY_MS, 100 * 2 ** Math.min(over, 10)));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const tx = this.redis.client.multi();
    for (const key of Object.values(this.keys(email, address))) tx.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    await tx.exec();
  }

  async clear(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await this.redis.client.del(keys.pair, keys.account);
  }

  private keys(email: string, address: string) {
    const prefix = `${this.config.REDIS_KEY_PREFIX}login-failures`;
    const account = email.trim().toLowerCase();
    return { pair: `${prefix}:pair:${account}:${address}`, address: `${prefix}:address:${address}`, account: `${prefix}:account:${account}` };
  }
}
