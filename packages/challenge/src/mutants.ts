import { applyPatch, parsePatch } from 'diff';
import { lstat, readdir, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ChallengeFormatError, type ChallengeIssue } from './challenge-format.error';
import { DEFAULT_READ_LIMITS, FileBudget, type FileMap, readTree } from './package-files';

/**
 * A mutant is a plausible candidate mistake written over the reference solution. It lives in
 * `mutants/<runtime>/<name>/` as `mutant.yaml` (what it models, what it targets) plus either `mutant.patch`
 * (a unified diff against `solutions/<runtime>/`) or files overlaid on the solution, or both (overlay first).
 *
 * Mutants are hidden material like solutions, and stricter: they are never part of a version's files or its
 * content hash, nor anything a candidate can be sent. A stored version keeps them beside its files
 * (`mutantSources`) for the worker's suite verification; only validation runs them.
 */
export interface Mutant {
  runtime: string;
  name: string;
  /** The mistake it models, in a sentence. */
  models: string;
  /** The rubric behaviour (or hidden test) it should cost points on. */
  targets: string;
  overlay: FileMap;
  patch?: string;
}

const mutantMetaSchema = z.object({
  models: z.string().trim().min(1, 'say in a sentence which plausible mistake this mutant models'),
  targets: z.string().trim().min(1, 'name the rubric behaviour or hidden test it targets'),
});

const META = 'mutant.yaml';
const PATCH = 'mutant.patch';

/** Reads every mutant of a challenge folder; an absent `mutants/` folder is simply no mutants. */
export async function loadMutants(challengeDir: string): Promise<Mutant[]> {
  const root = await realpath(path.resolve(challengeDir));
  const issues: ChallengeIssue[] = [];
  const out: Mutant[] = [];
  const budget = new FileBudget(DEFAULT_READ_LIMITS);
  for (const runtime of await subfolders(root, 'mutants', issues)) {
    for (const name of await subfolders(root, `mutants/${runtime}`, issues)) {
      const files = await readTree(root, `mutants/${runtime}/${name}`, budget, issues);
      if (!files) continue;
      const mutant = mutantFromFiles(runtime, name, files, issues);
      if (mutant) out.push(mutant);
    }
  }
  if (issues.length) throw new ChallengeFormatError(root, issues);
  return out;
}

/** One mutant from its folder's files (read from disk or from an uploaded zip); problems go to `issues`. */
export function mutantFromFiles(runtime: string, name: string, files: FileMap, issues: ChallengeIssue[]): Mutant | undefined {
  const where = `mutants/${runtime}/${name}`;
  const { [META]: metaText, [PATCH]: patch, ...overlay } = files;
  if (metaText === undefined) {
    issues.push({ file: where, message: `missing ${META} (models: <the mistake>, targets: <the behaviour>)` });
    return undefined;
  }
  const meta = mutantMetaSchema.safeParse(safeYaml(metaText));
  if (!meta.success) {
    for (const i of meta.error.issues) issues.push({ file: `${where}/${META}`, path: i.path.join('.'), message: i.message });
    return undefined;
  }
  if (patch === undefined && Object.keys(overlay).length === 0) {
    issues.push({ file: where, message: `holds no change: add ${PATCH} or files to overlay on the solution` });
    return undefined;
  }
  return { runtime, name, ...meta.data, overlay, ...(patch !== undefined ? { patch } : {}) };
}

/** Every `mutants/<runtime>/<name>/...` entry of an in-memory file map (an uploaded zip), as mutants. */
export function mutantsFromFileMap(files: FileMap, issues: ChallengeIssue[]): Mutant[] {
  const folders = new Map<string, FileMap>();
  for (const [file, content] of Object.entries(files)) {
    const m = /^mutants\/([^/]+)\/([^/]+)\/(.+)$/.exec(file);
    if (!m) continue;
    const key = `${m[1]}/${m[2]}`;
    if (!folders.has(key)) folders.set(key, {});
    folders.get(key)![m[3]!] = content;
  }
  const out: Mutant[] = [];
  for (const key of [...folders.keys()].sort()) {
    const [runtime, name] = key.split('/') as [string, string];
    const mutant = mutantFromFiles(runtime, name, folders.get(key)!, issues);
    if (mutant) out.push(mutant);
  }
  return out;
}

/** The stored form of a version's mutants (ChallengeVersion.mutantSources), parsed once by its one reader. */
export const storedMutants = z.array(
  z.object({
    runtime: z.string(),
    name: z.string(),
    models: z.string(),
    targets: z.string(),
    overlay: z.record(z.string(), z.string()),
    patch: z.string().optional(),
  }),
);

/**
 * The solution with the mutant applied. Throws naming the mutant and file when the patch no longer applies,
 * which is what happens when the solution changed under it: the mutant must then be rewritten, not skipped.
 */
export function applyMutant(solution: FileMap, mutant: Pick<Mutant, 'runtime' | 'name' | 'overlay' | 'patch'>): FileMap {
  const files: FileMap = { ...solution, ...mutant.overlay };
  if (mutant.patch === undefined) return files;
  const label = `mutants/${mutant.runtime}/${mutant.name}/${PATCH}`;
  const parsed = parsePatch(mutant.patch);
  if (parsed.length === 0 || parsed.every((p) => p.hunks.length === 0)) throw new Error(`${label}: holds no hunks`);
  for (const filePatch of parsed) {
    if (filePatch.hunks.length === 0) continue;
    const target = stripPrefix(filePatch.newFileName ?? filePatch.oldFileName);
    const source = stripPrefix(filePatch.oldFileName ?? filePatch.newFileName);
    if (!target || !source) throw new Error(`${label}: a file section names no file`);
    const original = source === '/dev/null' ? '' : files[source];
    if (original === undefined) throw new Error(`${label}: ${source} is not in the solution`);
    const patched = applyPatch(original, filePatch);
    if (patched === false) throw new Error(`${label}: does not apply to ${source} (the solution changed; rewrite the mutant)`);
    if (target === '/dev/null') delete files[source];
    else files[target] = patched;
  }
  return files;
}

// `git diff` and `diff -u a/x b/x` both prefix paths; the patch is always relative to the solution folder.
function stripPrefix(name: string | undefined): string | undefined {
  if (name === undefined || name === '/dev/null') return name;
  return name.replace(/^[ab]\//, '');
}

function safeYaml(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

async function subfolders(root: string, sub: string, issues: ChallengeIssue[]): Promise<string[]> {
  const abs = path.join(root, sub);
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return [];
  if (!st.isDirectory()) {
    issues.push({ file: sub, message: st.isSymbolicLink() ? 'symlinks are not allowed' : 'expected a directory' });
    return [];
  }
  const entries = await readdir(abs, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name === '.DS_Store') continue;
    if (e.isDirectory()) names.push(e.name);
    else issues.push({ file: `${sub}/${e.name}`, message: 'only folders belong here' });
  }
  return names;
}
