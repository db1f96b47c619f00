import { unzipSync } from 'fflate';
import { symlinkEntries } from './zip-entry-types';

export const ZIP_LIMITS = { maxEntries: 600, maxFileBytes: 256 * 1024, maxTotalBytes: 8 * 1024 * 1024 };
/** The compressed upload itself; the raw-body parser in bootstrap.ts allows the same 10 MB. */
export const ZIP_UPLOAD_LIMIT = 10 * 1024 * 1024;

export class ZipPackageError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an uploaded challenge zip into { path: text }. Sizes are checked against what each entry declares
 * before anything is inflated and against what it really inflates to afterwards, so a zip bomb is refused
 * either way. A zip holding one top folder (as "compress folder" makes) is unwrapped.
 */
export function readChallengeZip(zip: Uint8Array): Record<string, string> {
  const links = symlinkEntries(zip);
  if (links.length > 0) throw new ZipPackageError(`holds symbolic links (${links.join(', ')}); zip the files themselves`);
  let declared = 0;
  let entries = 0;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(zip, {
      filter: (file) => {
        entries += 1;
        declared += file.originalSize;
        if (entries > ZIP_LIMITS.maxEntries) throw new ZipPackageError(`has more than ${ZIP_LIMITS.maxEntries} entries`);
        if (file.originalSize > ZIP_LIMITS.maxFileBytes) throw new ZipPackageError(`${file.name} is larger than ${ZIP_LIMITS.maxFileBytes} bytes`);
        if (declared > ZIP_LIMITS.maxTotalBytes) throw new ZipPackageError(`unpacks to more than ${ZIP_LIMITS.maxTotalBytes} bytes`);
        return !file.name.endsWith('/') && !isJunk(file.name);
      },
    });
  } catch (error) {
    if (error instanceof ZipPackageError) throw error;
    throw new ZipPackageError(`is not a readable zip file (${(error as Error).message})`);
  }
  const files: Record<string, string> = {};
  let total = 0;
  for (const [name, bytes] of Object.entries(inflated)) {
    total += bytes.length;
    if (bytes.length > ZIP_LIMITS.maxFileBytes || total > ZIP_LIMITS.maxTotalBytes) throw new ZipPackageError(`${name} unpacks to more than it declared`);
    try {
      files[name] = utf8.decode(bytes);
    } catch {
      throw new ZipPackageError(`${name} is not UTF-8 text; challenge packages hold source files only`);
    }
  }
  return unwrapSingleFolder(files);
}

function isJunk(name: string): boolean {
  return name.startsWith('__MACOSX/') || name.split('/').some((part) => part === '.DS_Store');
}

function unwrapSingleFolder(files: Record<string, string>): Record<string, string> {
  const names = Object.keys(files);
  const first = names[0]?.split('/')[0];
  const wrapped = first && !('challenge.yaml' in files) && names.every((n) => n.startsWith(`${first}/`));
  if (!wrapped) return files;
  return Object.fromEntries(names.map((n) => [n.slice(first.length + 1), files[n]]));
}
