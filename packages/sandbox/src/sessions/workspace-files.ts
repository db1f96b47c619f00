import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';

/** What comes back from a workspace: text files only, small enough for the editor. */
export const SYNC_LIMITS = { maxFiles: 200, maxFileBytes: 256 * 1024 };
// Build output, data and dependency folders are the sandbox's, not the candidate's source.
const SKIPPED = /^(\.data|\.build|\.own-tests|node_modules|__pycache__|results)(\/|$)|(^|\/)\.[^/]*\.swp$/;

/**
 * Reads the text files of a getArchive stream of the workspace (its top folder stripped). Links, devices,
 * binary and oversized files are skipped and named, never followed: the editor gets exactly what is safe.
 */
export async function readWorkspaceFiles(stream: NodeJS.ReadableStream): Promise<{ files: Record<string, string>; skipped: string[] }> {
  const extract = tar.extract();
  const files: Record<string, string> = {};
  const skipped: string[] = [];
  extract.on('entry', (header, entry, next) => {
    const path = header.name.split('/').slice(1).join('/');
    const skip = (why?: string) => {
      if (why) skipped.push(`${path} (${why})`);
      entry.resume();
      next();
    };
    if (!path || header.type === 'directory' || SKIPPED.test(path)) return skip();
    if (header.type !== 'file') return skip(header.type ?? 'not a file');
    if ((header.size ?? 0) > SYNC_LIMITS.maxFileBytes) return skip('too large');
    if (Object.keys(files).length >= SYNC_LIMITS.maxFiles) return skip('too many files');
    const chunks: Buffer[] = [];
    entry.on('data', (c: unknown) => void chunks.push(c as Buffer));
    entry.on('end', () => {
      const content = Buffer.concat(chunks);
      if (content.includes(0)) skipped.push(`${path} (binary)`);
      else files[path] = content.toString('utf8');
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    (stream as Readable).on('error', reject);
    (stream as Readable).pipe(extract);
  });
  return { files, skipped };
}
