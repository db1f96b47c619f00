import { lstat, readdir, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { assemblePackage } from './challenge-assembly';
import { ChallengeFormatError, type ChallengeIssue } from './challenge-format.error';
import { challengeManifestSchema, SUITE_NAMES, type SuiteName } from './challenge-manifest.schema';
import type { ChallengePackage } from './challenge-package';
import { loadMutants } from './mutants';
import { DEFAULT_READ_LIMITS, FileBudget, readChecked, readTree, type FileMap, type ReadLimits } from './package-files';
import { rubricSchema } from './rubric.schema';
import { parseAndValidate } from './yaml-source';

export interface LoadChallengeOptions {
  limits?: Partial<ReadLimits>;
}

/**
 * Reads and validates a challenge folder. Collects every problem it can find before throwing one
 * ChallengeFormatError, because authors iterate on a folder and want the whole list at once.
 */
export async function loadChallenge(dir: string, options: LoadChallengeOptions = {}): Promise<ChallengePackage> {
  const root = path.resolve(dir);
  const st = await lstat(root).catch(() => undefined);
  if (!st?.isDirectory()) {
    throw new ChallengeFormatError(root, [{ file: '.', message: st ? 'not a directory' : 'folder does not exist' }]);
  }
  const issues: ChallengeIssue[] = [];
  const budget = new FileBudget({ ...DEFAULT_READ_LIMITS, ...options.limits });

  const challengeYaml = await readTopFile(root, 'challenge.yaml', budget, issues);
  const rubricYaml = await readTopFile(root, 'rubric.yaml', budget, issues);
  const prompt = await readTopFile(root, 'prompt.md', budget, issues);
  if (prompt !== undefined && prompt.trim() === '') issues.push({ file: 'prompt.md', message: 'is empty' });

  const manifest = challengeYaml === undefined ? undefined : parseAndValidate('challenge.yaml', challengeYaml, challengeManifestSchema, issues);
  const rubric = rubricYaml === undefined ? undefined : parseAndValidate('rubric.yaml', rubricYaml, rubricSchema, issues);

  const starter = await readRuntimeFolders(root, 'starter', budget, issues);
  const solutions = await readRuntimeFolders(root, 'solutions', budget, issues);
  const tests: Partial<Record<SuiteName, FileMap>> = {};
  for (const suite of SUITE_NAMES) tests[suite] = await readTree(root, `tests/${suite}`, budget, issues);

  const services = await readTree(root, 'services', budget, issues);
  const pkg = assemblePackage(root, { challengeYaml, rubricYaml, prompt, manifest, rubric, starter, solutions, tests, services }, issues);
  return { ...pkg, mutants: await mutantNames(root), mutantSources: await loadMutants(root) };
}

async function mutantNames(root: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const dirs = async (abs: string) => (await readdir(abs, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const runtime of await dirs(path.join(root, 'mutants'))) out[runtime] = await dirs(path.join(root, 'mutants', runtime));
  return out;
}

async function readTopFile(root: string, name: string, budget: FileBudget, issues: ChallengeIssue[]): Promise<string | undefined> {
  const abs = path.join(await realpath(root), name);
  const st = await lstat(abs).catch(() => undefined);
  if (!st) {
    issues.push({ file: name, message: 'missing' });
    return undefined;
  }
  if (!st.isSymbolicLink() && !st.isFile()) {
    issues.push({ file: name, message: 'expected a regular file' });
    return undefined;
  }
  return readChecked(abs, name, budget, issues);
}


/** Reads `starter/<runtime>/` or `solutions/<runtime>/` for every runtime folder present, known or not. */
async function readRuntimeFolders(
  root: string,
  part: 'starter' | 'solutions',
  budget: FileBudget,
  issues: ChallengeIssue[],
): Promise<Partial<Record<string, FileMap>>> {
  const abs = path.join(await realpath(root), part);
  const st = await lstat(abs).catch(() => undefined);
  const out: Partial<Record<string, FileMap>> = {};
  if (!st) return out; // each listed runtime is then reported as missing by the runtime check
  if (!st.isDirectory()) {
    issues.push({ file: part, message: st.isSymbolicLink() ? 'symlinks are not allowed' : 'expected a directory' });
    return out;
  }
  const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name === '.DS_Store') continue;
    if (!entry.isDirectory() && !entry.isSymbolicLink()) {
      issues.push({ file: `${part}/${entry.name}`, message: `only runtime folders belong in ${part}/` });
      continue;
    }
    const files = await readTree(root, `${part}/${entry.name}`, budget, issues);
    if (files) out[entry.name] = files;
  }
  return out;
}
