import os from 'node:os';

/** What the governor reads each tick: the share of CPU time left idle since the last tick, and free memory. */
export interface HostSample {
  idle: number;
  freeMb: number;
}

export interface GovernorLimits {
  /** never below this (a busy host still makes progress) */
  min: number;
  /** the hard cap, whatever the host looks like */
  max: number;
  /** what one more run may take at most (a grading: two containers under the challenge's memory limit) */
  memoryPerRunMb: number;
}

// Grow while more than this share of the CPU idles, shrink once less than SHRINK_IDLE does. Most of a grading is
// spent waiting on the candidate's service, so a fixed small number leaves the machine idle during a burst.
const GROW_IDLE = 0.2;
const SHRINK_IDLE = 0.05;

/** The next concurrency: one step at a time, so a tick's noise cannot swing it far. */
export function nextConcurrency(current: number, sample: HostSample, limits: GovernorLimits): number {
  const roomForOne = sample.freeMb > limits.memoryPerRunMb;
  let next = current;
  if (sample.idle > GROW_IDLE && roomForOne) next = current + 1;
  else if (sample.idle < SHRINK_IDLE || !roomForOne) next = current - 1;
  return Math.max(limits.min, Math.min(limits.max, next));
}

/** Idle share of all cores between two calls, from the kernel's per-core counters. */
export function hostSampler(): () => HostSample {
  let last = cpuTimes();
  return () => {
    const now = cpuTimes();
    const total = now.total - last.total;
    const idle = total > 0 ? (now.idle - last.idle) / total : 0;
    last = now;
    return { idle, freeMb: os.freemem() / 1024 / 1024 };
  };
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.idle + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  }
  return { idle, total };
}

/**
 * Re-reads the host every intervalMs and sets each target's concurrency (a BullMQ Worker's is a plain setter that
 * takes effect for the next job it fetches). Returns a function that stops it.
 */
export function governConcurrency(
  targets: { concurrency: number }[],
  limits: GovernorLimits,
  intervalMs = 1000,
  sample: () => HostSample = hostSampler(),
  onChange?: (concurrency: number, host: HostSample) => void,
): () => void {
  const timer = setInterval(() => {
    const host = sample();
    for (const target of targets) {
      const next = nextConcurrency(target.concurrency, host, limits);
      if (next !== target.concurrency) {
        target.concurrency = next;
        onChange?.(next, host);
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
