import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { onCleanup, scratchDir } from './processes';

/**
 * A small disk of the suite's own: an ext4 image, sparse on the host, loop-mounted. The suite's PostgreSQL data
 * directory and the API's mail folder live on it, as they share one disk on a single-host install, so filling it
 * is the real thing: PostgreSQL's own writes fail with "No space left on device". No reserved blocks (-m 0):
 * root's 5% would otherwise hide the fault from the root-run API while PostgreSQL already fails.
 */
export interface SmallDisk {
  dir: string;
  freeMb(): number;
  fill(): void;
  free(): void;
}

export function startSmallDisk(sizeMb = 768): SmallDisk {
  const root = scratchDir('disk');
  const image = path.join(root, 'disk.img');
  const dir = path.join(root, 'mnt');
  mkdirSync(dir);
  execFileSync('truncate', ['-s', `${sizeMb}M`, image]);
  execFileSync('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  execFileSync('mount', ['-o', 'loop', image, dir]);
  // Registered after scratchDir's removal, so it runs first (clean-ups run in reverse); the PostgreSQL on it is
  // registered later still, so it stops before this unmounts.
  onCleanup(() => {
    if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
  });
  execFileSync('chmod', ['755', dir]);
  const fillers = [path.join(dir, 'filler-1'), path.join(dir, 'filler-2')];
  const freeBytes = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    freeMb: () => Math.floor(freeBytes() / (1024 * 1024)),
    fill() {
      // Most of it at once (instant on ext4), then the last blocks byte by byte until the disk refuses. The burst
      // keeps writing meanwhile, so a first size can already be too big: a wider margin is tried before giving up.
      for (const marginMb of [4, 16, 64]) {
        const size = Math.max(0, freeBytes() - marginMb * 1024 * 1024);
        if (spawnSync('fallocate', ['-l', String(size), fillers[0]]).status === 0) break;
        rmSync(fillers[0], { force: true });
        if (marginMb === 64) throw new Error(`could not fill the small disk at ${dir}: fallocate of ${size} bytes failed`);
      }
      spawnSync('dd', ['if=/dev/zero', `of=${fillers[1]}`, 'bs=4k'], { stdio: 'ignore' });
    },
    free() {
      for (const f of fillers) rmSync(f, { force: true });
    },
  };
}
