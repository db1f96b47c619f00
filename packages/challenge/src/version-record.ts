import type { ChallengePackage } from './challenge-package';
import { contentHash, packageFiles } from './content-hash';

/**
 * The package as the plain record a ChallengeVersion row stores: the parsed manifest for queries, and every
 * file, so the exact package can be rebuilt later with loadChallengeFromFiles.
 */
export function versionRecord(pkg: ChallengePackage) {
  const { manifest } = pkg;
  return {
    slug: manifest.slug,
    title: manifest.title,
    summary: manifest.summary,
    roleType: manifest.roleType.toUpperCase() as 'APPLICATION' | 'PLATFORM' | 'DATA' | 'INFRASTRUCTURE',
    skills: [...manifest.skills],
    timeLimitMinutes: manifest.timeLimitMinutes,
    runtimes: [...manifest.runtimes],
    promptMarkdown: pkg.prompt,
    manifest: JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>,
    files: packageFiles(pkg),
    contentHash: contentHash(pkg),
    mutants: { ...(pkg.mutants ?? {}) } as Record<string, string[]>,
    mutantSources: (pkg.mutantSources ?? []).map((m) => ({ ...m, overlay: { ...m.overlay } })),
    rubric: { criteria: pkg.rubric.criteria.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) })) },
  };
}
