/**
 * The body of the thread that reads an uploaded challenge zip. It runs in a worker thread (see zip-package.ts)
 * so neither inflating nor parsing the package's YAML can hold the API's event loop. It is handed to the
 * worker as source text (`String(zipWorkerMain)`), which works the same from TypeScript sources under vitest
 * and from the compiled dist: it must therefore use nothing but its parameters and Node built-ins.
 *
 * Entries are located through the central directory and inflated one by one with zlib's maxOutputLength,
 * which stops inflating the moment an entry passes the per-file cap; declared sizes are never trusted.
 */
export type ZipWorkerInput = {
  zip: Uint8Array;
  limits: { maxEntries: number; maxFileBytes: number; maxTotalBytes: number };
  /** Resolved path of @takehome/challenge; when set the package is also loaded and validated in the thread. */
  challengeModule?: string;
};
export type ZipWorkerResult =
  | { ok: true; files: Record<string, string>; pkg?: unknown }
  | { ok: false; zipError: string }
  | { ok: false; formatIssues: { file: string; path?: string; message: string; line?: number }[] };

export function zipWorkerMain(nodeRequire: (id: string) => any, input: ZipWorkerInput): ZipWorkerResult {
  const zlib = nodeRequire('node:zlib');
  class ZipError extends Error {}
  const { zip, limits } = input;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const utf8 = new TextDecoder('utf-8', { fatal: true });

  function readFiles(): Record<string, string> {
    let eocd = -1;
    for (let at = zip.byteLength - 22; at >= 0 && at >= zip.byteLength - 22 - 0xffff; at--) {
      if (view.getUint32(at, true) === 0x06054b50) { eocd = at; break; }
    }
    if (eocd < 0) throw new ZipError('is not a readable zip file (no central directory)');
    const count = view.getUint16(eocd + 10, true);
    if (count > limits.maxEntries) throw new ZipError(`has more than ${limits.maxEntries} entries`);
    let offset = view.getUint32(eocd + 16, true);
    const files: Record<string, string> = {};
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (offset + 46 > zip.byteLength || view.getUint32(offset, true) !== 0x02014b50) throw new ZipError('is not a readable zip file (broken central directory)');
      const flags = view.getUint16(offset + 8, true);
      const method = view.getUint16(offset + 10, true);
      const compressed = view.getUint32(offset + 20, true);
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      const local = view.getUint32(offset + 42, true);
      const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').includes('.DS_Store')) continue;
      if (flags & 1) throw new ZipError(`${name} is encrypted`);
      if (compressed === 0xffffffff || local === 0xffffffff) throw new ZipError('uses zip64, which challenge packages never need');
      if (local + 30 > zip.byteLength || view.getUint32(local, true) !== 0x04034b50) throw new ZipError(`is not a readable zip file (${name} has no local header)`);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressed > zip.byteLength) throw new ZipError(`is not a readable zip file (${name} is truncated)`);
      const data = zip.subarray(start, start + compressed);
      // Never more than the per-file cap, nor more than what is left of the total.
      const room = Math.min(limits.maxFileBytes, limits.maxTotalBytes - total);
      let bytes: Uint8Array;
      if (method === 0) {
        bytes = data;
      } else if (method === 8) {
        try {
          bytes = zlib.inflateRawSync(data, { maxOutputLength: Math.max(room, 1) });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') bytes = new Uint8Array(room + 1);
          else throw new ZipError(`is not a readable zip file (${name}: ${(error as Error).message})`);
        }
      } else {
        throw new ZipError(`${name} uses compression method ${method}; zip with deflate or store`);
      }
      if (bytes.length > limits.maxFileBytes) throw new ZipError(`${name} unpacks to more than ${limits.maxFileBytes} bytes`);
      total += bytes.length;
      if (total > limits.maxTotalBytes) throw new ZipError(`unpacks to more than ${limits.maxTotalBytes} bytes`);
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        throw new ZipError(`${name} is not UTF-8 text; challenge packages hold source files only`);
      }
      // Valid UTF-8 may still hold U+0000, which PostgreSQL cannot store: binary in disguise.
      if (text.includes('\u0000')) throw new ZipError(`${name} contains NUL bytes; challenge packages hold source files only`);
      if (name.includes('\u0000')) throw new ZipError('has an entry name with a NUL byte');
      files[name] = text;
    }
    return files;
  }

  let files: Record<string, string>;
  try {
    files = readFiles();
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, zipError: error.message };
    return { ok: false, zipError: `is not a readable zip file (${(error as Error).message})` };
  }
  // A zip holding one top folder (as "compress folder" makes) is unwrapped.
  const names = Object.keys(files);
  const first = names[0]?.split('/')[0];
  if (first && !('challenge.yaml' in files) && names.every((n) => n.startsWith(`${first}/`))) {
    files = Object.fromEntries(names.map((n) => [n.slice(first.length + 1), files[n]!]));
  }
  if (!input.challengeModule) return { ok: true, files };
  const challenge = nodeRequire(input.challengeModule);
  try {
    return { ok: true, files, pkg: challenge.loadChallengeFromFiles(files, { label: 'the uploaded zip' }) };
  } catch (error) {
    if (error instanceof challenge.ChallengeFormatError) return { ok: false, formatIssues: JSON.parse(JSON.stringify((error as any).issues)) };
    throw error;
  }
}
