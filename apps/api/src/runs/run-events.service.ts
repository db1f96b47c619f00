import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { runEvent, type RunEvent } from '@takehome/contracts';
import { runEventsChannel } from '@takehome/jobs';
import { Redis } from 'ioredis';
import { Observable } from 'rxjs';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Subscribes to the events a worker publishes for one run. One subscriber connection serves every open
 * stream of this API process; each stream gets only its run's events.
 */
@Injectable()
export class RunEventsService implements OnModuleDestroy {
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<(event: RunEvent) => void>>();

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.subscriber = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => {});
    this.subscriber.on('message', (channel: string, message: string) => {
      const parsed = runEvent.safeParse(safeJson(message));
      if (!parsed.success) return;
      for (const listener of this.listeners.get(channel) ?? []) listener(parsed.data);
    });
  }

  /** Emits the run's events until the subscriber unsubscribes (the browser closed the stream). */
  events(runId: string): Observable<RunEvent> {
    const channel = runEventsChannel(runId);
    return new Observable<RunEvent>((observer) => {
      const listener = (event: RunEvent) => observer.next(event);
      let set = this.listeners.get(channel);
      if (!set) {
        set = new Set();
        this.listeners.set(channel, set);
        void this.connected().then(() => this.subscriber.subscribe(channel)).catch((e) => observer.error(e));
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          this.listeners.delete(channel);
          void this.subscriber.unsubscribe(channel).catch(() => {});
        }
      };
    });
  }

  private async connected() {
    if (this.subscriber.status === 'wait') await this.subscriber.connect();
  }

  onModuleDestroy() {
    this.subscriber.disconnect();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
