import { loadChallengeFromFiles } from './challenge-from-files';
import type { ChallengePackage } from './challenge-package';
import type { FileMap } from './package-files';

/**
 * Parsed packages by challenge version id. A stored version never changes (its id names its content), so a
 * package is parsed and validated once per process, not on every request or run. Least recently used versions
 * leave first; a load in flight is shared, and a failed one is not remembered.
 */
export class ChallengePackageCache {
  private readonly entries = new Map<string, Promise<ChallengePackage>>();

  constructor(private readonly capacity = 32) {}

  get(versionId: string, files: () => Promise<unknown>): Promise<ChallengePackage> {
    const hit = this.entries.get(versionId);
    if (hit) {
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const loading = files().then((f) => loadChallengeFromFiles(f as FileMap, { label: `challenge version ${versionId}` }));
    this.entries.set(versionId, loading);
    loading.catch(() => this.entries.delete(versionId));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return loading;
  }
}
