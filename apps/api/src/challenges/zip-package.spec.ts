import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readChallengeZip, ZIP_LIMITS, ZipPackageError } from './zip-package';
import { symlinkEntries } from './zip-entry-types';

const zip = (files: Parameters<typeof zipSync>[0]) => zipSync(files);

describe(readChallengeZip.name, () => {
  it('unwraps a single top folder and leaves a flat zip as it is', () => {
    expect(readChallengeZip(zip({ 'pkg/challenge.yaml': strToU8('a'), 'pkg/tests/x.js': strToU8('b') }))).toEqual({
      'challenge.yaml': 'a',
      'tests/x.js': 'b',
    });
    expect(readChallengeZip(zip({ 'challenge.yaml': strToU8('a') }))).toEqual({ 'challenge.yaml': 'a' });
  });

  it('drops folders and macOS metadata', () => {
    const files = readChallengeZip(zip({ 'challenge.yaml': strToU8('a'), '__MACOSX/._challenge.yaml': strToU8('x'), 'starter/.DS_Store': strToU8('x') }));
    expect(Object.keys(files)).toEqual(['challenge.yaml']);
  });

  it('refuses an entry larger than the limit before inflating it', () => {
    const big = zip({ 'big.txt': new Uint8Array(ZIP_LIMITS.maxFileBytes + 1) });
    expect(() => readChallengeZip(big)).toThrow(/big\.txt is larger than/);
  });

  it('refuses binary files and garbage', () => {
    expect(() => readChallengeZip(zip({ 'a.bin': new Uint8Array([0xff, 0xfe, 0xfd]) }))).toThrow(/not UTF-8/);
    expect(() => readChallengeZip(strToU8('not a zip'))).toThrow(ZipPackageError);
  });

  it('refuses symbolic links', () => {
    const withLink = zip({ 'challenge.yaml': strToU8('a'), 'starter/link': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] });
    expect(() => readChallengeZip(withLink)).toThrow(/symbolic links \(starter\/link\)/);
  });
});

describe(symlinkEntries.name, () => {
  it('sees regular Unix files and DOS entries as files', () => {
    const files = zip({ a: [strToU8('x'), { os: 3, attrs: 0o100644 << 16 }], b: [strToU8('y'), { os: 0 }] });
    expect(symlinkEntries(files)).toEqual([]);
  });
});
