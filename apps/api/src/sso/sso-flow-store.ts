import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { hashToken, randomToken } from '../common/tokens';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { RedisService } from '../infra/redis.service';

export const FLOW_TTL_SECONDS = 10 * 60;

const ssoFlow = z.object({
  organizationId: z.uuid(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string(),
});
export type SsoFlow = z.infer<typeof ssoFlow>;

/**
 * One sign-in attempt between "start" and "callback", kept server-side in Redis (shared by every API process)
 * under a random id that only this browser holds, in an httpOnly cookie. Taking it deletes it, so a callback
 * URL works once: a replayed code or a second tab's stale callback finds nothing and is refused.
 */
@Injectable()
export class SsoFlowStore {
  constructor(
    private readonly redis: RedisService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async put(flow: SsoFlow): Promise<string> {
    const id = randomToken();
    await this.redis.client.set(this.key(id), JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS);
    return id;
  }

  async take(id: string): Promise<SsoFlow | null> {
    const raw = await this.redis.client.getdel(this.key(id));
    if (!raw) return null;
    const parsed = ssoFlow.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  private key(id: string) {
    // Only the id's hash names the key: reading Redis does not hand out live flows.
    return `${this.config.REDIS_KEY_PREFIX}sso-flow:${hashToken(id)}`;
  }
}
