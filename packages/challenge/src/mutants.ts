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
 * Mutants are hidden material like solutions, and stricter: neither loader reads `mutants/`, so they are never
 * part of a stored version, its content hash, or anything a candidate can be sent. Only validation reads them.
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
      const where = `mutants/${runtime}/${name}`;
      const files = await readTree(root, where, budget, issues);
      if (!files) continue;
      const { [META]: metaText, [PATCH]: patch, ...overlay } = files;
      if (metaText === undefined) {
        issues.push({ file: where, message: `missing ${META} (models: <the mistake>, targets: <the behaviour>)` });
        continue;
      }
      const meta = mutantMetaSchema.safeParse(safeYaml(metaText));
      if (!meta.success) {
        for (const i of meta.error.issues) issues.push({ file: `${where}/${META}`, path: i.path.join('.'), message: i.message });
        continue;
      }
      if (patch === undefined && Object.keys(overlay).length === 0) {
        issues.push({ file: where, message: `holds no change: add ${PATCH} or files to overlay on the solution` });
        continue;
      }
      out.push({ runtime, name, ...meta.data, overlay, ...(patch !== undefined ? { patch } : {}) });
    }
  }
  if (issues.length) throw new ChallengeFormatError(root, issues);
  return out;
}

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
