import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable, isStorageFull } from './unavailable-errors';

describe('unavailable errors', () => {
  // The shapes below are the ones pg and the Prisma adapter produce (a PostgreSQL error inside a cause chain).
  const diskFull = Object.assign(new Error('Invalid `prisma.draftFile.update()` invocation'), {
    cause: { kind: 'postgres', code: '53100', message: 'could not extend file "base/16384/16590": No space left on device' },
  });

  describe(isStorageFull.name, () => {
    it("recognises PostgreSQL's disk_full and a file write's ENOSPC", () => {
      expect(isStorageFull(diskFull)).toBe(true);
      expect(isStorageFull(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe(true);
    });

    it('leaves other errors alone', () => {
      expect(isStorageFull(new Error('duplicate key value violates unique constraint'))).toBe(false);
      expect(isStorageFull(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    });
  });

  describe(isDependencyUnavailable.name, () => {
    it('counts a full disk as unavailable (503, retried) and a constraint error as not', () => {
      expect(isDependencyUnavailable(diskFull)).toBe(true);
      expect(isDependencyUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
    });
  });
});
