import { createHash } from 'node:crypto';
import { RUNTIMES, SUITE_NAMES } from './challenge-manifest.schema';
import type { ChallengePackage } from './challenge-package';
import type { FileMap } from './package-files';

/** Every file of the package keyed by its path relative to the challenge folder, as on disk. */
export function packageFiles(pkg: ChallengePackage): FileMap {
  const out: FileMap = {
    'challenge.yaml': pkg.sources.challengeYaml,
    'rubric.yaml': pkg.sources.rubricYaml,
    'prompt.md': pkg.prompt,
  };
  const add = (prefix: string, files: FileMap | undefined) => {
    for (const [p, c] of Object.entries(files ?? {})) out[`${prefix}/${p}`] = c;
  };
  for (const r of RUNTIMES) {
    add(`starter/${r}`, pkg.starter[r]);
    add(`solutions/${r}`, pkg.solutions[r]);
  }
  for (const s of SUITE_NAMES) add(`tests/${s}`, pkg.tests[s]);
  add('services', pkg.services);
  return out;
}

/**
 * sha256 over sorted paths and contents. Assessments pin the hash of the version they were created with, so it
 * must depend on content only: not on file order, mtimes, the folder's location or YAML re-serialisation.
 */
export function contentHash(pkg: ChallengePackage): string {
  const files = packageFiles(pkg);
  const hash = createHash('sha256').update('takehome-challenge/v1\n');
  // Code-unit order, not localeCompare, so the order is identical under every locale and ICU build.
  for (const p of Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const body = Buffer.from(files[p]!, 'utf8');
    // Length prefixes make the encoding unambiguous: no path/content split can collide with another.
    hash.update(`${Buffer.byteLength(p)}:${p}\n${body.length}:`).update(body).update('\n');
  }
  return `sha256:${hash.digest('hex')}`;
}
