import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { EngineWatch } from './engine-watch';

const logger = pino({ level: 'silent' });

function watch(ping: () => Promise<unknown>) {
  const onDown = vi.fn();
  const onUp = vi.fn();
  return { engine: new EngineWatch({ ping, intervalMs: 60_000, timeoutMs: 50, onDown, onUp, logger }), onDown, onUp };
}

describe('EngineWatch', () => {
  it('reports the engine going away once, and coming back once', async () => {
    let answering = true;
    const { engine, onDown, onUp } = watch(async () => {
      if (!answering) throw new Error('connect ENOENT /run/engine/docker.sock');
    });
    expect(await engine.check()).toBe(true);
    answering = false;
    expect(await engine.check()).toBe(false);
    expect(await engine.check()).toBe(false);
    expect(engine.up).toBe(false);
    expect(onDown).toHaveBeenCalledTimes(1);
    expect(onDown).toHaveBeenCalledWith('connect ENOENT /run/engine/docker.sock');
    answering = true;
    expect(await engine.check()).toBe(true);
    expect(engine.up).toBe(true);
    expect(onUp).toHaveBeenCalledTimes(1);
  });

  it('counts an engine that never answers as away', async () => {
    const { engine, onDown } = watch(() => new Promise(() => {}));
    expect(await engine.check()).toBe(false);
    expect(onDown).toHaveBeenCalledTimes(1);
  });

  it('stays away when clearing the returned engine fails, and tries again on the next probe', async () => {
    let answering = false;
    const { engine, onUp } = watch(async () => {
      if (!answering) throw new Error('gone');
    });
    await engine.check();
    answering = true;
    onUp.mockRejectedValueOnce(new Error('connect ENOENT'));
    expect(await engine.check()).toBe(false);
    expect(engine.up).toBe(false);
    expect(await engine.check()).toBe(true);
    expect(onUp).toHaveBeenCalledTimes(2);
  });
});
