import type { Logger } from './logger';

export interface EngineWatchOptions {
  /** Answers when the engine does; throws (or never settles) when it is away. */
  ping(): Promise<unknown>;
  intervalMs: number;
  timeoutMs?: number;
  /** The engine stopped answering: stop taking jobs. */
  onDown(error: string): Promise<void> | void;
  /** The engine answers again: clear what the lost runs left on it, then take jobs again. */
  onUp(): Promise<void> | void;
  logger: Logger;
}

/**
 * Watches this worker's own Docker engine. Several workers may share one queue while each drives a different
 * engine (DOCKER_HOST): a worker whose engine is away must not take jobs it can only fail, or it would burn
 * their retries while a healthy worker idles. `check()` probes at once (after a run failed), the timer every
 * intervalMs; transitions are reported one at a time, in order.
 */
export class EngineWatch {
  private state: 'up' | 'down' = 'up';
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EngineWatchOptions) {}

  get up(): boolean {
    return this.state === 'up';
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Probes the engine now; resolves with whether it answered, once any transition it caused was handled. */
  check(): Promise<boolean> {
    const result = this.chain.then(async () => {
      const error = await this.probe();
      if (error && this.state === 'up') {
        this.state = 'down';
        this.options.logger.warn({ err: error }, 'Docker engine not answering: taking no jobs until it is back');
        await this.options.onDown(error);
      } else if (!error && this.state === 'down') {
        try {
          await this.options.onUp();
        } catch (failure) {
          // Stays "down": the next probe tries again, rather than taking jobs onto a half-cleared engine.
          this.options.logger.error({ err: (failure as Error).message }, 'Docker engine answers again, but clearing it failed');
          return false;
        }
        this.state = 'up';
        this.options.logger.info('Docker engine answers again: taking jobs');
      }
      return !error;
    });
    // A failed pause is logged by onDown's caller; the chain itself never rejects.
    this.chain = result.catch(() => undefined);
    return result.catch(() => false);
  }

  private async probe(): Promise<string | undefined> {
    // Generous: an engine that is gone refuses at once; only a hung one waits this out (a busy one must not).
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.options.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
      ]);
      return undefined;
    } catch (error) {
      return (error as Error).message.split('\n')[0] || 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  }
}
