import type { RunEvent } from '@takehome/contracts';
import { runEventsChannel } from '@takehome/jobs';
import type { Redis } from 'ioredis';

/** Publishes a run's progress for the API to stream to the browser; losing one is harmless (the row is the truth). */
export class RunEvents {
  constructor(private readonly redis: Redis) {}

  publish(event: RunEvent): void {
    this.redis.publish(runEventsChannel(event.runId), JSON.stringify(event)).catch(() => {});
  }
}
