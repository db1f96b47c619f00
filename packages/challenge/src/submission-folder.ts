import { ChallengeFormatError, type ChallengeIssue } from './challenge-format.error';
import { DEFAULT_READ_LIMITS, FileBudget, type FileMap, readTree } from './package-files';
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Reads a submission folder from disk (for `assess run`) with the same rules as a challenge folder: no
 * symlinks, no binaries, bounded size. Run artefacts such as node_modules and .data are skipped.
 */
export async function readSubmissionFolder(dir: string): Promise<FileMap> {
  const issues: ChallengeIssue[] = [];
  const root = path.resolve(dir);
  const st = await lstat(root).catch(() => undefined);
  if (!st) throw new Error('folder does not exist');
  if (!st.isDirectory()) throw new Error(st.isSymbolicLink() ? 'must be a folder, not a symlink' : 'not a folder');
  const files = await readTree(path.dirname(root), path.basename(root), new FileBudget(DEFAULT_READ_LIMITS), issues);
  if (!files) throw new Error('folder does not exist or is not a directory');
  if (issues.length) throw new ChallengeFormatError(root, issues);
  if (Object.keys(files).length === 0) throw new Error('folder is empty');
  return files;
}
