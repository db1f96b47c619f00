import { mkdtempSync, rmSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDiskSpace } from './disk-space';

describe(checkDiskSpace.name, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'disk-space-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const freeMb = async () => {
    const s = await statfs(dir);
    return Math.floor((s.bavail * s.bsize) / (1024 * 1024));
  };

  it('is up while every folder has more free space than the threshold', async () => {
    expect(await checkDiskSpace([dir], 1)).toMatchObject({ status: 'up' });
  });

  it('is down, naming the folder and its free space, when one is below the threshold', async () => {
    const threshold = (await freeMb()) + 1024;
    const result = await checkDiskSpace([dir], threshold);
    expect(result.status).toBe('down');
    expect(result.error).toContain(dir);
    expect(result.error).toMatch(new RegExp(`MB free, below ${threshold} MB`));
  });

  it('measures a folder not created yet on its nearest existing parent', async () => {
    const missing = path.join(dir, 'mail', 'not-yet');
    expect(await checkDiskSpace([missing], 1)).toMatchObject({ status: 'up' });
    expect((await checkDiskSpace([missing], (await freeMb()) + 1024)).error).toContain(missing);
  });
});
