import { createHash } from 'node:crypto';

/** Identifies a submission's content: the files in the order given (by path), each path and content NUL-ended. */
export function submissionHash(files: { path: string; content: string }[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\0${f.content}\0`);
  return hash.digest('hex');
}
