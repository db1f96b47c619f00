import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { DependencyStatus } from '@takehome/contracts';

const MB = 1024 * 1024;

/**
 * Free space on every folder the install writes to, against one threshold. A folder that does not exist yet
 * (the mail folder before the first message) is measured where it will be created: its nearest existing parent.
 * Reported down before the disk is completely full, so an operator is warned while saves still succeed.
 */
export async function checkDiskSpace(folders: string[], minFreeMb: number): Promise<DependencyStatus> {
  const started = performance.now();
  const low: string[] = [];
  for (const folder of folders) {
    try {
      const stats = await statfs(await existingAncestor(path.resolve(folder)));
      const freeMb = Math.floor((stats.bavail * stats.bsize) / MB);
      if (freeMb < minFreeMb) low.push(`${folder}: ${freeMb} MB free, below ${minFreeMb} MB`);
    } catch (error) {
      low.push(`${folder}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const latencyMs = Math.round(performance.now() - started);
  return low.length ? { status: 'down', latencyMs, error: low.join('; ') } : { status: 'up', latencyMs };
}

async function existingAncestor(folder: string): Promise<string> {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      await statfs(current);
      return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) throw error;
    }
  }
}
