import { describe, expect, it, vi } from 'vitest';
import { governConcurrency, nextConcurrency } from './concurrency-governor';

const limits = { min: 1, max: 6, memoryPerRunMb: 1024 };

describe(nextConcurrency.name, () => {
  it('takes one more run while the CPU idles and memory has room for it', () => {
    expect(nextConcurrency(2, { idle: 0.6, freeMb: 4096 }, limits)).toBe(3);
  });

  it('gives one back when the CPU is saturated or memory is short', () => {
    expect(nextConcurrency(4, { idle: 0.01, freeMb: 4096 }, limits)).toBe(3);
    expect(nextConcurrency(4, { idle: 0.9, freeMb: 512 }, limits)).toBe(3);
  });

  it('holds between the two thresholds, and never leaves [min, max]', () => {
    expect(nextConcurrency(3, { idle: 0.1, freeMb: 4096 }, limits)).toBe(3);
    expect(nextConcurrency(6, { idle: 0.9, freeMb: 4096 }, limits)).toBe(6);
    expect(nextConcurrency(1, { idle: 0, freeMb: 0 }, limits)).toBe(1);
  });
});

describe(governConcurrency.name, () => {
  it('sets each target on every tick until stopped', () => {
    vi.useFakeTimers();
    const worker = { concurrency: 1 };
    const stop = governConcurrency([worker], limits, 1000, () => ({ idle: 0.8, freeMb: 8192 }));
    vi.advanceTimersByTime(3000);
    expect(worker.concurrency).toBe(4);
    stop();
    vi.advanceTimersByTime(5000);
    expect(worker.concurrency).toBe(4);
    vi.useRealTimers();
  });
});
