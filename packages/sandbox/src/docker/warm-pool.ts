import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';

/** A black-box run's network, workspaces and two started containers (booted for a run, or ahead of one). */
export interface SandboxSet {
  /** the label every object of the set carries instead of a run id (reapLeftovers removes it by this) */
  id: string;
  submission: Docker.Container;
  runner: Docker.Container;
}

export interface WarmPoolDeps {
  /** creates and starts a set of this shape, every object labelled with `id` */
  boot: (shape: string, id: string) => Promise<SandboxSet>;
  /** removes every object labelled with `id` */
  remove: (id: string) => Promise<void>;
}

/**
 * Sets booted ahead for black-box runs. Creating a network and starting two containers is 0.6-0.8 s of Docker's
 * work on a 2-core machine, the largest part of a practice run's overhead over its suite on the host; a run that
 * finds a set of its shape (images, limits, ports) skips it. A set serves exactly one run and is removed with
 * it, never reused, so nothing one candidate did can reach another's run. One set per shape, for the SHAPES
 * shapes used last: idle cost stays at a few sleeping containers.
 */
export class WarmPool {
  private readonly sets = new Map<string, Promise<SandboxSet | undefined>>();
  private closed = false;

  constructor(
    private readonly shapes: number,
    private readonly deps: WarmPoolDeps,
  ) {}

  /**
   * The set of this shape, if one is booted or booting (a booting one is awaited: it is the same work a cold
   * start would do, already under way). A set whose containers no longer run (the engine restarted) is
   * removed and none is returned.
   */
  async take(shape: string): Promise<SandboxSet | undefined> {
    const pending = this.sets.get(shape);
    if (!pending) return undefined;
    this.sets.delete(shape);
    const set = await pending;
    if (!set) return undefined;
    const states = await Promise.all([set.submission.inspect(), set.runner.inspect()]).catch(() => undefined);
    if (states?.every((s) => s.State.Running)) return set;
    await this.deps.remove(set.id).catch(() => undefined);
    return undefined;
  }

  /** Boots a set of this shape in the background unless one is there; the least recently used shape goes. */
  refill(shape: string): void {
    if (this.closed || this.shapes === 0 || this.sets.has(shape)) return;
    const id = `warm-${randomUUID()}`;
    // A set that fails to boot is not an error anyone waits on: its run starts cold.
    this.sets.set(shape, this.deps.boot(shape, id).catch(() => this.deps.remove(id).then(() => undefined, () => undefined)));
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
    const pending = this.sets.get(shape);
    this.sets.delete(shape);
    const set = await pending;
    if (set) await this.deps.remove(set.id).catch(() => undefined);
  }
}
