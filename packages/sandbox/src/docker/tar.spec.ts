import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { buildTar, readSingleFileFromTar, safeRelativePath, UnsafeArchiveError } from './tar';

async function archive(entries: Array<{ header: Partial<tar.Header> & { name: string }; body?: string }>): Promise<Readable> {
  const pack = tar.pack();
  for (const e of entries) pack.entry(e.header, e.body ?? '');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return Readable.from([Buffer.concat(chunks)]);
}

describe('safeRelativePath', () => {
  it('rejects escapes and absolute paths, normalises the rest', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:\\x', 'a\\..\\..\\x', '', '.', 'a\0b']) {
      expect(() => safeRelativePath(bad), bad).toThrow(UnsafeArchiveError);
    }
    expect(safeRelativePath('./src//index.js')).toBe('src/index.js');
  });
});

describe('buildTar', () => {
  it('packs files with parent directories, owned by the sandbox user', async () => {
    const buf = await buildTar({ 'src/a.js': 'x', 'run.sh': '#!/bin/sh\n' }, { uid: 10001, gid: 10001 }, ['results']);
    const seen: Array<[string, string, number, number]> = [];
    const extract = tar.extract();
    extract.on('entry', (h, s, next) => { seen.push([h.name, h.type ?? '', h.uid ?? -1, h.mode ?? 0]); s.resume(); next(); });
    await new Promise<void>((r) => { extract.on('finish', () => r()); Readable.from([buf]).pipe(extract); });
    expect(seen).toEqual([
      ['results/', 'directory', 10001, 0o755],
      ['src/', 'directory', 10001, 0o755],
      ['src/a.js', 'file', 10001, 0o644],
      ['run.sh', 'file', 10001, 0o755],
    ]);
  });

  it('refuses a traversal path before building anything', async () => {
    await expect(buildTar({ '../../etc/cron.d/x': 'boom' }, { uid: 1, gid: 1 })).rejects.toThrow(UnsafeArchiveError);
  });
});

describe('readSingleFileFromTar', () => {
  it('returns the single regular file', async () => {
    const buf = await readSingleFileFromTar(await archive([{ header: { name: 'junit.xml' }, body: '<x/>' }]), 100);
    expect(buf.toString()).toBe('<x/>');
  });

  it.each([
    ['symlink', { name: 'junit.xml', type: 'symlink' as const, linkname: '/etc/passwd' }],
    ['link', { name: 'junit.xml', type: 'link' as const, linkname: 'other' }],
    ['directory', { name: 'junit.xml/', type: 'directory' as const }],
    ['character-device', { name: 'junit.xml', type: 'character-device' as const }],
  ])('rejects a %s entry', async (type, header) => {
    await expect(readSingleFileFromTar(await archive([{ header }]), 100)).rejects.toThrow(`report is a ${type}`);
  });

  it('caps the size and refuses several files', async () => {
    await expect(readSingleFileFromTar(await archive([{ header: { name: 'r' }, body: 'x'.repeat(101) }]), 100)).rejects.toThrow(/larger than 100/);
    const two = await archive([{ header: { name: 'a' }, body: '1' }, { header: { name: 'b' }, body: '2' }]);
    await expect(readSingleFileFromTar(two, 100)).rejects.toThrow(/more than one file/);
  });

  it('fails cleanly on a corrupt archive', async () => {
    await expect(readSingleFileFromTar(Readable.from([Buffer.alloc(1024, 7)]), 100)).rejects.toThrow();
  });
});
