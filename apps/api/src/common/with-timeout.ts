/**
 * BullMQ keeps commands for Redis in an offline queue while Redis is away, so an `add` would wait for as long as
 * the outage lasts and hold the candidate's request with it. Every queue write from a request goes through this:
 * it gives up after `ms` (the job may still be added when Redis returns; job ids make that harmless).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long a request waits for Redis to take a job before relying on the sweeps instead. */
export const QUEUE_WRITE_TIMEOUT_MS = 2_000;
