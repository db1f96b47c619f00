import type { ChallengePackage } from './challenge-package';
import type {
  ReportFormat,
  Runtime,
  ServiceContract,
  SuiteName,
  TestOverride,
  TestVisibility,
} from './challenge-manifest.schema';
import type { FileMap } from './package-files';
import { RUNTIME_CATALOGUE } from './runtime-catalogue';

/** How the platform starts a submission in each runtime image (see RUNTIME_CATALOGUE). */
export const RUNTIME_START_COMMANDS = Object.fromEntries(
  Object.entries(RUNTIME_CATALOGUE).map(([runtime, spec]) => [runtime, spec.startCommand]),
) as Record<Runtime, readonly string[]>;

/** What to put in the submission container. */
export type SubmissionSource = 'starter' | 'solution' | { files: FileMap };

/** Everything one black-box sandbox run needs, as plain data; the sandbox does not know the package format. */
export interface SandboxRunInputs {
  slug: string;
  mode: 'black-box' | 'in-container';
  runtime: Runtime;
  /** 'own': the candidate's own test files with the runtime's test command (see buildOwnTestInputs) */
  suite: SuiteName | 'own';
  /** Files of the candidate's service, relative to its working directory. */
  submissionFiles: FileMap;
  startCommand: readonly string[];
  /** Compiled runtimes only: run before the start command, under limits.buildSeconds. */
  buildCommand?: readonly string[];
  /** Files for the test-runner container, relative to the directory `testCommand` runs in. */
  testFiles: FileMap;
  testCommand: readonly string[];
  reportFormat: ReportFormat;
  /** Absolute path inside the test-runner container. */
  reportPath: string;
  service: ServiceContract;
  timeoutMs: number;
  /** Per-test weight/visibility, keyed by test name as the report emits it; unlisted tests use the defaults. */
  tests: Record<string, TestOverride>;
  defaultVisibility: TestVisibility;
  /** Whether skipped/todo/pending tests are left out of the maximum (exclude) or count as failed (fail). */
  skipped: 'exclude' | 'fail';
  limits?: { memoryMb?: number; cpus?: number; buildSeconds?: number };
  /** The challenge's sidecars, with the init SQL's content read from the package; absent when none. */
  services?: SandboxServices;
}

export interface SandboxServices {
  postgres?: { version: string; extensions: string[]; initPath?: string; initSql?: string; testAccess: 'none' | 'read-only' };
  redis?: { version: string };
}

/** The manifest's `services:` with the files it names read from the package, as the sandbox takes them. */
export function serviceInputs(pkg: ChallengePackage): SandboxServices | undefined {
  const declared = pkg.manifest.services;
  if (!declared || (!declared.postgres && !declared.redis)) return undefined;
  const out: SandboxServices = {};
  if (declared.postgres) {
    const { version, extensions, init, testAccess } = declared.postgres;
    const initSql = init ? pkg.services?.[init.slice('services/'.length)] : undefined;
    out.postgres = {
      version, extensions: [...(extensions ?? [])], testAccess: testAccess ?? 'none',
      ...(init && initSql !== undefined ? { initPath: init, initSql } : {}),
    };
  }
  if (declared.redis) out.redis = { version: declared.redis.version };
  return out;
}

export function buildRunInputs(
  pkg: ChallengePackage,
  runtime: Runtime,
  suite: SuiteName,
  submission: SubmissionSource,
): SandboxRunInputs {
  const { manifest } = pkg;
  if (!manifest.runtimes.includes(runtime)) {
    throw new Error(`Challenge ${manifest.slug} does not support runtime ${runtime}`);
  }
  const spec = manifest.suites[suite];
  const submissionFiles =
    submission === 'starter'
      ? pkg.starter[runtime]
      : submission === 'solution'
        ? pkg.solutions[runtime]
        : submission.files;
  return {
    slug: manifest.slug,
    mode: spec.mode,
    runtime,
    suite,
    // Copies, so a caller mutating its inputs can never alter the loaded package (and its hash).
    submissionFiles: { ...(submissionFiles ?? {}) },
    startCommand: RUNTIME_START_COMMANDS[runtime],
    ...(RUNTIME_CATALOGUE[runtime].buildCommand ? { buildCommand: RUNTIME_CATALOGUE[runtime].buildCommand } : {}),
    testFiles: { ...pkg.tests[suite] },
    testCommand: [...spec.command],
    reportFormat: spec.report.format,
    reportPath: spec.report.path,
    service: { ...manifest.service },
    timeoutMs: spec.timeoutSeconds * 1000,
    tests: Object.fromEntries(Object.entries(spec.tests ?? {}).map(([k, v]) => [k, { ...v }])),
    defaultVisibility: spec.defaultVisibility,
    skipped: spec.skipped ?? 'exclude',
    limits: manifest.limits ? { ...manifest.limits } : undefined,
    ...(manifest.services ? { services: serviceInputs(pkg) } : {}),
  };
}
