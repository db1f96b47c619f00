import { lstat, readdir, readFile, realpath, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { ChallengeIssue } from './challenge-format.error';

/** Relative POSIX path -> UTF-8 content. */
export type FileMap = Record<string, string>;

export interface ReadLimits {
  /** Per file; challenge parts are source code, so anything larger is almost certainly a mistake. */
  maxFileBytes: number;
  /** Across the whole challenge folder. */
  maxTotalBytes: number;
  maxFiles: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 8 * 1024 * 1024,
  maxFiles: 500,
};

/**
 * Run and tooling artefacts that appear when an author runs a starter or solution locally. They are skipped,
 * not refused, because they are never part of what a candidate or the sandbox should receive.
 */
const IGNORED_NAMES = new Set(['node_modules', '__pycache__', '.data', '.DS_Store', '.pytest_cache', '.git']);

/** Shared across every part of one challenge so the limits apply to the folder as a whole. */
export class FileBudget {
  files = 0;
  bytes = 0;
  constructor(readonly limits: ReadLimits) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every regular file under `root/sub` into memory. Symlinks are refused outright rather than followed:
 * a package is copied into candidate workspaces and sandboxes, and a link could smuggle in host files.
 */
export async function readTree(
  root: string,
  sub: string,
  budget: FileBudget,
  issues: ChallengeIssue[],
): Promise<FileMap | undefined> {
  const realRoot = await realpath(root);
  const start = path.join(realRoot, sub);
  const st = await lstat(start).catch(() => undefined);
  if (!st) return undefined;
  if (st.isSymbolicLink()) {
    issues.push({ file: sub, message: 'symlinks are not allowed' });
    return undefined;
  }
  if (!st.isDirectory()) {
    issues.push({ file: sub, message: 'expected a directory' });
    return undefined;
  }
  const files: FileMap = {};
  await walk(realRoot, start, '', files, budget, issues, sub);
  return files;
}

async function walk(
  realRoot: string,
  dir: string,
  rel: string,
  out: FileMap,
  budget: FileBudget,
  issues: ChallengeIssue[],
  sub: string,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Sorted so that issues and limit cut-offs are reported in the same order on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (IGNORED_NAMES.has(entry.name)) continue;
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    const shown = `${sub}/${relPath}`;
    const abs = path.join(dir, entry.name);
    if (!isInside(realRoot, abs)) {
      issues.push({ file: shown, message: 'path escapes the challenge folder' });
      continue;
    }
    if (entry.isSymbolicLink()) {
      const target = await readlink(abs).catch(() => '?');
      const escapes = !isInside(realRoot, path.resolve(dir, target));
      issues.push({
        file: shown,
        message: `symlinks are not allowed (points to ${target}${escapes ? ', outside the challenge folder' : ''})`,
      });
      continue;
    }
    if (entry.isDirectory()) {
      await walk(realRoot, abs, relPath, out, budget, issues, sub);
      continue;
    }
    if (!entry.isFile()) {
      issues.push({ file: shown, message: 'only regular files and directories are allowed' });
      continue;
    }
    const content = await readChecked(abs, shown, budget, issues);
    if (content !== undefined) out[relPath] = content;
  }
}

/** Reads one file, enforcing the size, count and text-only rules. */
export async function readChecked(
  abs: string,
  shown: string,
  budget: FileBudget,
  issues: ChallengeIssue[],
): Promise<string | undefined> {
  const st = await lstat(abs);
  if (st.isSymbolicLink()) {
    issues.push({ file: shown, message: 'symlinks are not allowed' });
    return undefined;
  }
  budget.files += 1;
  if (budget.files === budget.limits.maxFiles + 1) {
    // Reported once; later files are still counted so the author sees the scale in the total.
    issues.push({ file: shown, message: `too many files: the limit is ${budget.limits.maxFiles} per challenge` });
  }
  if (budget.files > budget.limits.maxFiles) return undefined;
  if (st.size > budget.limits.maxFileBytes) {
    issues.push({ file: shown, message: `file is ${st.size} bytes; the limit is ${budget.limits.maxFileBytes}` });
    return undefined;
  }
  budget.bytes += st.size;
  if (budget.bytes > budget.limits.maxTotalBytes) {
    issues.push({ file: shown, message: `challenge exceeds ${budget.limits.maxTotalBytes} bytes in total` });
    return undefined;
  }
  const buf = await readFile(abs);
  // NUL bytes are legal UTF-8 but never appear in source text; they are the cheapest tell of a binary file.
  if (buf.includes(0)) {
    issues.push({ file: shown, message: 'binary files are not allowed (contains NUL bytes)' });
    return undefined;
  }
  try {
    return utf8.decode(buf);
  } catch {
    issues.push({ file: shown, message: 'binary files are not allowed (not valid UTF-8)' });
    return undefined;
  }
}

function isInside(root: string, candidate: string): boolean {
  const r = path.relative(root, candidate);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}
