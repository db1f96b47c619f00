import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hostileZip } from './hostile-zip.fixture';
import { readChallengeZip, ZIP_LIMITS, ZipPackageError } from './zip-package';
import { symlinkEntries } from './zip-entry-types';

const zip = (files: Parameters<typeof zipSync>[0]) => zipSync(files);

describe(readChallengeZip.name, () => {
  it('unwraps a single top folder and leaves a flat zip as it is', async () => {
    expect(await readChallengeZip(zip({ 'pkg/challenge.yaml': strToU8('a'), 'pkg/tests/x.js': strToU8('b') }))).toEqual({
      'challenge.yaml': 'a',
      'tests/x.js': 'b',
    });
    expect(await readChallengeZip(zip({ 'challenge.yaml': strToU8('a') }))).toEqual({ 'challenge.yaml': 'a' });
  });

  it('drops folders and macOS metadata', async () => {
    const files = await readChallengeZip(zip({ 'challenge.yaml': strToU8('a'), '__MACOSX/._challenge.yaml': strToU8('x'), 'starter/.DS_Store': strToU8('x') }));
    expect(Object.keys(files)).toEqual(['challenge.yaml']);
  });

  it('refuses an entry larger than the limit', async () => {
    const big = zip({ 'big.txt': new Uint8Array(ZIP_LIMITS.maxFileBytes + 1) });
    await expect(readChallengeZip(big)).rejects.toThrow(/big\.txt unpacks to more than/);
  });

  it('stops inflating an entry that lies about its size at the cap', async () => {
    const bomb = hostileZip(512);
    const started = Date.now();
    await expect(readChallengeZip(bomb)).rejects.toThrow(/bomb\.txt unpacks to more than/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses binary files and garbage', async () => {
    await expect(readChallengeZip(zip({ 'a.bin': new Uint8Array([0xff, 0xfe, 0xfd]) }))).rejects.toThrow(/not UTF-8/);
    await expect(readChallengeZip(strToU8('not a zip'))).rejects.toThrow(ZipPackageError);
  });

  it('refuses symbolic links', async () => {
    const withLink = zip({ 'challenge.yaml': strToU8('a'), 'starter/link': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] });
    await expect(readChallengeZip(withLink)).rejects.toThrow(/symbolic links \(starter\/link\)/);
  });
});

describe(symlinkEntries.name, () => {
  it('sees regular Unix files and DOS entries as files', () => {
    const files = zip({ a: [strToU8('x'), { os: 3, attrs: 0o100644 << 16 }], b: [strToU8('y'), { os: 0 }] });
    expect(symlinkEntries(files)).toEqual([]);
  });
});
