import type Docker from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import { WarmPool, type SandboxSet } from './warm-pool';

/** Containers that answer inspect() as running (or not); the pool only ever inspects them. */
function fakeSet(id: string, running = true): SandboxSet {
  const container = { inspect: async () => ({ State: { Running: running } }) } as unknown as Docker.Container;
  return { id, submission: container, runner: container, serviceHost: '127.0.0.1' };
}

function pool(shapes: number, running = () => true) {
  const booted: string[] = [];
  const removed: string[] = [];
  const warm = new WarmPool(shapes, {
    boot: async (shape, id) => {
      booted.push(`${shape}:${id}`);
      return fakeSet(id, running());
    },
    remove: async (id) => void removed.push(id),
  });
  return { warm, booted, removed };
}

describe(WarmPool.name, () => {
  it('hands each set to one run only: two per shape, none more until it is refilled', async () => {
    const { warm, booted } = pool(2);
    expect(await warm.take('a')).toBeUndefined();
    warm.refill('a');
    warm.refill('a'); // already full: nothing more booted
    expect(booted).toHaveLength(2);
    const taken = await Promise.all([warm.take('a'), warm.take('a'), warm.take('a')]);
    expect(taken[0]?.id).toMatch(/^warm-/);
    expect(taken[1]?.id).toMatch(/^warm-/);
    expect(taken[1]?.id).not.toBe(taken[0]?.id);
    expect(taken[2]).toBeUndefined();
    warm.refill('a');
    expect(booted).toHaveLength(4);
  });

  it('keeps sets for the most recently used shapes only, removing the oldest', async () => {
    const { warm, removed } = pool(2);
    warm.refill('a');
    warm.refill('b');
    const a = await warm.take('a');
    warm.refill('a');
    warm.refill('c'); // b is now the least recently refilled
    await vi.waitFor(() => expect(removed).toHaveLength(2));
    expect(await warm.take('b')).toBeUndefined();
    expect(await warm.take('c')).toBeDefined();
    expect((await warm.take('a'))?.id).not.toBe(a?.id);
  });

  it('boots sets only once no run goes on, for the shapes used meanwhile', async () => {
    const { warm, booted } = pool(2);
    warm.runStarted(); // a grading of shape a
    warm.runStarted(); // a practice run of shape b
    warm.runEnded('a');
    expect(booted).toEqual([]); // the practice run still goes on: nothing boots beside it
    warm.runStarted(); // a run in its own container (no shape)
    warm.runEnded('b');
    warm.runEnded();
    expect(booted.map((b) => b.split(':')[0])).toEqual(['a', 'a', 'b', 'b']);
    warm.runStarted();
    warm.runEnded('a'); // a's sets are still there: nothing more
    expect(booted).toHaveLength(4);
  });

  it('never hands out a set whose containers stopped; it is removed instead', async () => {
    const { warm, removed } = pool(1, () => false);
    warm.refill('a');
    expect(await warm.take('a')).toBeUndefined();
    expect(removed).toHaveLength(1);
  });

  it('with no shapes boots nothing; after close() it removes every set and boots no more', async () => {
    const off = pool(0);
    off.warm.refill('a');
    expect(off.booted).toEqual([]);
    const { warm, booted, removed } = pool(2);
    warm.refill('a');
    warm.refill('b');
    await warm.close();
    expect(removed).toHaveLength(4);
    warm.refill('c');
    expect(booted).toHaveLength(4);
  });
});
