import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';

/** A black-box run's network, workspaces and two started containers (booted for a run, or ahead of one). */
export interface SandboxSet {
  /** the label every object of the set carries instead of a run id (reapLeftovers removes it by this) */
  id: string;
  submission: Docker.Container;
  runner: Docker.Container;
  /** where the runner reaches the submission's ports */
  serviceHost: string;
}

export interface WarmPoolDeps {
  /** creates and starts a set of this shape, every object labelled with `id` */
  boot: (shape: string, id: string) => Promise<SandboxSet>;
  /** removes every object labelled with `id` */
  remove: (id: string) => Promise<void>;
}

/**
 * Sets booted ahead for a shape: two, so the worker's two concurrent practice runs (or one candidate clicking
 * again while the last run's replacement still boots) both find one ready.
 */
const SETS_PER_SHAPE = 2;

/**
 * Sets booted ahead for black-box runs. Creating and starting two containers is 0.6-0.8 s of Docker's
 * work on a 2-core machine, the largest part of a practice run's overhead over its suite on the host; a run that
 * finds a set of its shape (images, limits, ports) skips it. A set serves exactly one run and is removed with
 * it, never reused, so nothing one candidate did can reach another's run. SETS_PER_SHAPE sets for each of the
 * SHAPES shapes used last: idle cost stays at a few sleeping containers. Sets boot only while no run goes on:
 * a boot is the engine's CPU for most of a second, which a run going on beside it would lose; under a steady
 * stream of runs the pool stays empty and runs boot their own, as they would without it.
 */
export class WarmPool {
  /** by shape, least recently used first; each shape's sets in the order they were booted */
  private readonly sets = new Map<string, Promise<SandboxSet | undefined>[]>();
  private closed = false;
  private running = 0;
  /** shapes runs used since the worker was last quiet, least recently used first: refilled once it is */
  private readonly used = new Set<string>();

  constructor(
    private readonly shapes: number,
    private readonly deps: WarmPoolDeps,
  ) {}

  /**
   * A set of this shape, if one is booted or booting (a booting one is awaited: it is the same work a cold
   * start would do, already under way). A set whose containers no longer run (the engine restarted) is
   * removed and none is returned.
   */
  async take(shape: string): Promise<SandboxSet | undefined> {
    const pending = this.sets.get(shape)?.shift();
    if (!pending) return undefined;
    const set = await pending;
    if (!set) return undefined;
    const states = await Promise.all([set.submission.inspect(), set.runner.inspect()]).catch(() => undefined);
    if (states?.every((s) => s.State.Running)) return set;
    await this.deps.remove(set.id).catch(() => undefined);
    return undefined;
  }

  /** A run starts: until every run has ended, no set is booted. */
  runStarted(): void {
    this.running++;
  }

  /**
   * A run ended, after its own clean-up; SHAPE is the shape it used if it could use a set. Once no run goes on,
   * every shape used meanwhile is refilled.
   */
  runEnded(shape?: string): void {
    this.running = Math.max(0, this.running - 1);
    if (shape) {
      this.used.delete(shape);
      this.used.add(shape);
    }
    if (this.running > 0) return;
    for (const used of this.used) this.refill(used);
    this.used.clear();
  }

  /** Boots sets of this shape in the background up to SETS_PER_SHAPE; the least recently used shape goes. */
  refill(shape: string): void {
    if (this.closed || this.shapes === 0) return;
    const sets = this.sets.get(shape) ?? [];
    // Re-inserted: this shape is now the most recently used.
    this.sets.delete(shape);
    this.sets.set(shape, sets);
    while (sets.length < SETS_PER_SHAPE) {
      const id = `warm-${randomUUID()}`;
      // A set that fails to boot is not an error anyone waits on: its run starts cold.
      sets.push(this.deps.boot(shape, id).catch(() => this.deps.remove(id).then(() => undefined, () => undefined)));
    }
    while (this.sets.size > this.shapes) {
      const [oldest] = this.sets.keys();
      void this.discard(oldest);
    }
  }

  /** Removes every set; later refills do nothing. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sets.keys()].map((shape) => this.discard(shape)));
  }

  private async discard(shape: string): Promise<void> {
    const pending = this.sets.get(shape) ?? [];
    this.sets.delete(shape);
    await Promise.all(
      pending.map(async (booting) => {
        const set = await booting;
        if (set) await this.deps.remove(set.id).catch(() => undefined);
      }),
    );
  }
}
