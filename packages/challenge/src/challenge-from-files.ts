import { assemblePackage } from './challenge-assembly';
import type { ChallengeIssue } from './challenge-format.error';
import { mutantsFromFileMap } from './mutants';
import { challengeManifestSchema, SUITE_NAMES, type SuiteName } from './challenge-manifest.schema';
import type { ChallengePackage } from './challenge-package';
import { DEFAULT_READ_LIMITS, type FileMap, type ReadLimits } from './package-files';
import { rubricSchema } from './rubric.schema';
import { parseAndValidate } from './yaml-source';

/**
 * Builds and validates a package from files already in memory: a stored ChallengeVersion, or an uploaded zip.
 * Same rules and messages as the folder loader; paths are checked here because they come from outside.
 */
export function loadChallengeFromFiles(
  files: FileMap,
  options: { label?: string; limits?: Partial<ReadLimits> } = {},
): ChallengePackage {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const issues: ChallengeIssue[] = [];
  const clean = checkPaths(files, limits, issues);
  const top = (name: string) => {
    if (clean[name] === undefined) issues.push({ file: name, message: 'missing' });
    return clean[name];
  };
  const challengeYaml = top('challenge.yaml');
  const rubricYaml = top('rubric.yaml');
  const prompt = top('prompt.md');
  if (prompt !== undefined && prompt.trim() === '') issues.push({ file: 'prompt.md', message: 'is empty' });

  const manifest = challengeYaml === undefined ? undefined : parseAndValidate('challenge.yaml', challengeYaml, challengeManifestSchema, issues);
  const rubric = rubricYaml === undefined ? undefined : parseAndValidate('rubric.yaml', rubricYaml, rubricSchema, issues);
  const starter = groupByFolder(clean, 'starter');
  const solutions = groupByFolder(clean, 'solutions');
  const tests: Partial<Record<SuiteName, FileMap>> = {};
  for (const suite of SUITE_NAMES) tests[suite] = groupByFolder(clean, 'tests')[suite];

  // Mutants stay out of the package's files (and content hash); they travel beside it for suite verification.
  const mutantSources = mutantsFromFileMap(clean, issues);
  const services = Object.fromEntries(
    Object.entries(clean).filter(([f]) => f.startsWith('services/')).map(([f, c]) => [f.slice('services/'.length), c]),
  );
  const parts = { challengeYaml, rubricYaml, prompt, manifest, rubric, starter, solutions, tests, services };
  const pkg = assemblePackage(options.label ?? '', parts, issues, options.label ?? '(uploaded files)');
  const mutants: Record<string, string[]> = {};
  for (const m of mutantSources) (mutants[m.runtime] ??= []).push(m.name);
  return { ...pkg, mutants, mutantSources };
}

const KNOWN_TOP = /^(challenge\.yaml|rubric\.yaml|prompt\.md|README\.md|(starter|solutions|tests|mutants|services)\/.+)$/;

function checkPaths(files: FileMap, limits: ReadLimits, issues: ChallengeIssue[]): FileMap {
  const clean: FileMap = {};
  let total = 0;
  const entries = Object.entries(files);
  if (entries.length > limits.maxFiles) {
    issues.push({ file: '.', message: `has ${entries.length} files; at most ${limits.maxFiles} are allowed` });
    return clean;
  }
  for (const [file, content] of entries) {
    const segments = file.split('/');
    if (file.startsWith('/') || file.includes('\\') || file.includes('\0') || segments.some((s) => s === '..' || s === '.' || s === '')) {
      issues.push({ file, message: 'must be a relative path without "..", "." or empty segments' });
      continue;
    }
    if (!KNOWN_TOP.test(file)) continue; // stray files (editor backups, OS metadata) are not part of a package
    const bytes = Buffer.byteLength(content);
    if (bytes > limits.maxFileBytes) {
      issues.push({ file, message: `is ${bytes} bytes; at most ${limits.maxFileBytes} are allowed` });
      continue;
    }
    total += bytes;
    clean[file] = content;
  }
  if (total > limits.maxTotalBytes) issues.push({ file: '.', message: `holds ${total} bytes; at most ${limits.maxTotalBytes} are allowed` });
  return clean;
}

/** `starter/node20/server.js` -> { node20: { 'server.js': ... } } for one top-level part. */
function groupByFolder(files: FileMap, part: 'starter' | 'solutions' | 'tests'): Partial<Record<string, FileMap>> {
  const out: Partial<Record<string, FileMap>> = {};
  const prefix = `${part}/`;
  for (const [file, content] of Object.entries(files)) {
    if (!file.startsWith(prefix)) continue;
    const [folder, ...rest] = file.slice(prefix.length).split('/');
    if (rest.length === 0) continue;
    (out[folder] ??= {})[rest.join('/')] = content;
  }
  return out;
}
