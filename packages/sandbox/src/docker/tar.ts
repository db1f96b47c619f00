import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';

export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError';
}

/** Normalises a workspace-relative path, refusing anything that could land outside the workspace. */
export function safeRelativePath(raw: string): string {
  if (raw.includes('\0')) throw new UnsafeArchiveError(`path contains a NUL byte: ${JSON.stringify(raw)}`);
  const unified = raw.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) {
    throw new UnsafeArchiveError(`absolute path not allowed: ${raw}`);
  }
  if (unified.split('/').includes('..')) throw new UnsafeArchiveError(`'..' not allowed in path: ${raw}`);
  const normal = path.posix.normalize(unified).replace(/^(\.\/)+/, '');
  if (normal === '' || normal === '.') throw new UnsafeArchiveError(`empty path: ${JSON.stringify(raw)}`);
  return normal.replace(/\/$/, '');
}

/**
 * Builds an in-memory tar of text files (plus empty directories), owned by the sandbox user so the
 * unprivileged process can write next to them. Nothing touches the host filesystem.
 */
export async function buildTar(
  files: Record<string, string>,
  owner: { uid: number; gid: number },
  directories: string[] = [],
): Promise<Buffer> {
  const pack = tar.pack();
  const dirs = new Set<string>();
  const entries = Object.entries(files).map(([p, content]) => [safeRelativePath(p), content] as const);
  for (const d of directories) dirs.add(safeRelativePath(d));
  for (const [p] of entries) {
    for (let d = path.posix.dirname(p); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  }
  const mtime = new Date();
  for (const d of [...dirs].sort()) {
    pack.entry({ name: `${d}/`, type: 'directory', mode: 0o755, mtime, ...owner });
  }
  for (const [p, content] of entries) {
    // Scripts (shebang) stay executable; everything else is plain data.
    const mode = content.startsWith('#!') ? 0o755 : 0o644;
    pack.entry({ name: p, type: 'file', mode, mtime, ...owner }, content);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Reads the single regular file from a getArchive stream. Links and devices are refused (a submission
 * could point the report at a host-meaningful path), and the size is capped while streaming.
 */
export async function readSingleFileFromTar(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const extract = tar.extract();
  let result: Buffer | undefined;
  let failure: Error | undefined;
  extract.on('entry', (header, entry, next) => {
    const finish = (err?: Error) => {
      failure ??= err;
      entry.resume();
      next();
    };
    if (header.type !== 'file') return finish(new UnsafeArchiveError(`report is a ${header.type}, not a regular file`));
    if (result) return finish(new UnsafeArchiveError('report archive holds more than one file'));
    if ((header.size ?? 0) > maxBytes) return finish(new UnsafeArchiveError(`report larger than ${maxBytes} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    entry.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    entry.on('end', () => {
      if (size > maxBytes) return finish(new UnsafeArchiveError(`report larger than ${maxBytes} bytes`));
      result = Buffer.concat(chunks);
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    (stream as Readable).on('error', reject);
    (stream as Readable).pipe(extract);
  });
  if (failure) throw failure;
  if (!result) throw new UnsafeArchiveError('report archive is empty');
  return result;
}
