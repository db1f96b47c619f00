import type { ChallengeIssue } from './challenge-format.error';
import type { ChallengeManifest, Runtime, SuiteName } from './challenge-manifest.schema';
import { SUITE_NAMES } from './challenge-manifest.schema';
import type { FileMap } from './package-files';
import { RUNTIME_CATALOGUE } from './runtime-catalogue';
import { INIT_SQL_MAX_BYTES } from '@takehome/sandbox';

/**
 * Checks that need more than one part of the folder. Schema validation cannot see these, and each one is a
 * mistake that would otherwise only surface when a candidate's run fails in the sandbox.
 */
export function checkRuntimeFolders(
  manifest: ChallengeManifest,
  part: 'starter' | 'solutions',
  folders: Partial<Record<string, FileMap>>,
  issues: ChallengeIssue[],
): void {
  for (const runtime of manifest.runtimes) {
    const files = folders[runtime];
    if (alreadyReported(issues, `${part}/${runtime}`)) continue;
    if (!files) {
      issues.push({ file: `${part}/${runtime}`, message: `missing: runtime ${runtime} is listed in challenge.yaml runtimes` });
      continue;
    }
    if (Object.keys(files).length === 0) {
      issues.push({ file: `${part}/${runtime}`, message: 'is empty' });
      continue;
    }
    checkEntrypoint(runtime, `${part}/${runtime}`, files, issues);
  }
  for (const name of Object.keys(folders)) {
    if (!(manifest.runtimes as string[]).includes(name)) {
      issues.push({ file: `${part}/${name}`, message: `runtime ${name} is not listed in challenge.yaml runtimes` });
    }
  }
}

/** The platform starts submissions with a fixed command per runtime; a starter that cannot start is useless. */
function checkEntrypoint(runtime: Runtime, folder: string, files: FileMap, issues: ChallengeIssue[]): void {
  if (runtime !== 'node20') {
    const { file, hint } = RUNTIME_CATALOGUE[runtime].entrypoint;
    if (!(file in files)) issues.push({ file: folder, message: `missing ${file} (${hint})` });
    return;
  }
  const raw = files['package.json'];
  if (raw === undefined) {
    issues.push({ file: folder, message: 'missing package.json (started with `npm start`)' });
    return;
  }
  let pkg: { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(raw) as typeof pkg;
  } catch (e) {
    issues.push({ file: `${folder}/package.json`, message: `invalid JSON: ${(e as Error).message}` });
    return;
  }
  if (typeof pkg.scripts?.start !== 'string') {
    issues.push({ file: `${folder}/package.json`, path: 'scripts.start', message: 'required: submissions start with `npm start`' });
  }
  // Submissions run without network or package installation, so a dependency could never be resolved.
  if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
    issues.push({
      file: `${folder}/package.json`,
      path: 'dependencies',
      message: 'must be empty: submissions run without package installation',
    });
  }
}

export function checkSuites(
  manifest: ChallengeManifest,
  tests: Partial<Record<SuiteName, FileMap>>,
  issues: ChallengeIssue[],
): void {
  for (const suite of SUITE_NAMES) {
    const files = tests[suite];
    if (alreadyReported(issues, `tests/${suite}`)) continue;
    if (!files || Object.keys(files).length === 0) {
      issues.push({ file: `tests/${suite}`, message: files ? 'is empty' : 'missing' });
      continue;
    }
    const sources = Object.values(files);
    // A weight keyed by a misspelt test name would count as a missing test, so require the test's own name (the part
    // after the last " > ", the rest being its class, file or describe blocks) to appear in the suite's sources:
    // quoted (a JS title) or, for an identifier, as a whole word (a Python or Java method).
    for (const name of Object.keys(manifest.suites[suite].tests ?? {})) {
      // A Gradescope results.json's top-level score is the test named "total" (its weight: the assignment's points).
      if (name === 'total' && manifest.suites[suite].report.format === 'gradescope') continue;
      const leaf = name.split(' > ').at(-1) ?? name;
      const quoted = [`'${leaf}'`, `"${leaf}"`, `\`${leaf}\``];
      const method = /^\w+$/.test(leaf) ? new RegExp(`\\b${leaf}\\b`) : null;
      if (!sources.some((src) => quoted.some((q) => src.includes(q)) || method?.test(src))) {
        issues.push({
          file: 'challenge.yaml',
          path: `suites.${suite}.tests[${JSON.stringify(name)}]`,
          message: `no test with this exact name in tests/${suite}`,
        });
      }
    }
  }
}

/** The init SQL a postgres sidecar runs must be a file of the package, under services/. */
export function checkServices(manifest: ChallengeManifest, services: FileMap | undefined, issues: ChallengeIssue[]): void {
  const init = manifest.services?.postgres?.init;
  if (!init) return;
  const content = services?.[init.slice('services/'.length)];
  if (content === undefined) {
    issues.push({ file: 'challenge.yaml', path: 'services.postgres.init', message: `file missing: ${init} is not in the package` });
  } else if (content.trim() === '') {
    issues.push({ file: init, message: 'is empty (services.postgres.init)' });
  } else if (Buffer.byteLength(content) > INIT_SQL_MAX_BYTES) {
    issues.push({ file: init, message: `is ${Buffer.byteLength(content)} bytes; an init SQL may hold at most ${INIT_SQL_MAX_BYTES} (services.postgres.init)` });
  }
}

// A folder refused while reading (e.g. a symlink) would otherwise also be reported as missing.
function alreadyReported(issues: ChallengeIssue[], file: string): boolean {
  return issues.some((i) => i.file === file);
}
