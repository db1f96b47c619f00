import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ChallengePackage } from './challenge-package';
import { loadChallenge } from './challenge-loader';

/** The built-in library in the repository's challenges/ folder (the same path from src/ and from dist/). */
export const BUILT_IN_CHALLENGES_DIR = path.resolve(__dirname, '../../../challenges');

/**
 * Every challenge folder of a library, loaded and validated, in name order. Every organization starts with the
 * built-in library (the demo seed, first-run set-up and `assess org create` all store it), so a new team can
 * create an assessment at once.
 */
export async function loadChallengeLibrary(dir = BUILT_IN_CHALLENGES_DIR): Promise<ChallengePackage[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name));
  const packages: ChallengePackage[] = [];
  for (const folder of folders) packages.push(await loadChallenge(path.join(dir, folder.name)));
  return packages;
}
