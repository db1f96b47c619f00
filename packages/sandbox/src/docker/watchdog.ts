import type Docker from 'dockerode';

/**
 * Enforces the wall-clock limit and cancellation: when either fires, every container of the run is
 * killed, which ends all exec streams at once, so no code path needs its own timer or polling.
 */
export class Watchdog {
  private readonly containers: Docker.Container[] = [];
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private deadline = Infinity;
  timedOut = false;
  aborted = false;

  constructor(private readonly signal?: AbortSignal) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  watch(container: Docker.Container): void {
    this.containers.push(container);
    if (this.fired) void container.kill().catch(() => undefined);
  }

  /** Starts (or, for the next suite on the same containers, restarts) the clock. */
  start(timeoutMs: number): void {
    clearTimeout(this.timer);
    this.startedAt = Date.now();
    this.deadline = this.startedAt + timeoutMs;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.killAll();
    }, timeoutMs);
  }

  get fired(): boolean {
    return this.timedOut || this.aborted;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  elapsedMs(): number {
    return this.startedAt ? Date.now() - this.startedAt : 0;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private readonly onAbort = () => {
    this.aborted = true;
    this.killAll();
  };

  private killAll(): void {
    for (const c of this.containers) void c.kill().catch(() => undefined);
  }
}
