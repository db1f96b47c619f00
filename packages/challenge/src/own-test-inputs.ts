import type { ChallengePackage } from './challenge-package';
import type { Runtime } from './challenge-manifest.schema';
import type { FileMap } from './package-files';
import { serviceInputs, type SandboxRunInputs } from './run-inputs';
import { RUNTIME_CATALOGUE, type OwnTestsSpec } from './runtime-catalogue';

/** Whether a candidate can run their own tests in this runtime (the catalogue names a command for it). */
export function ownTestsSpec(runtime: Runtime): OwnTestsSpec | undefined {
  return RUNTIME_CATALOGUE[runtime].ownTests;
}

/**
 * A run of the candidate's own tests: their files only (no file of the challenge's suites goes in, so neither
 * suite's code can leak through it), in the runtime's submission image without network, with the runtime's test
 * command (in the submission image, whose own-tests script builds what it needs). Every test it reports is the candidate's own, so all are visible and worth 1. The visible suite's
 * time limit and the challenge's resource limits apply, as for a practice run.
 */
export function buildOwnTestInputs(pkg: ChallengePackage, runtime: Runtime, files: FileMap): SandboxRunInputs {
  const { manifest } = pkg;
  const own = ownTestsSpec(runtime);
  if (!own) throw new Error(`Runtime ${runtime} has no command for a candidate's own tests`);
  if (!manifest.runtimes.includes(runtime)) throw new Error(`Challenge ${manifest.slug} does not support runtime ${runtime}`);
  return {
    slug: manifest.slug,
    mode: 'in-container',
    runtime,
    suite: 'own',
    submissionFiles: { ...files },
    startCommand: RUNTIME_CATALOGUE[runtime].startCommand,
    testFiles: {},
    testCommand: [...own.command],
    reportFormat: own.format,
    reportPath: own.reportPath,
    service: { ...manifest.service },
    timeoutMs: manifest.suites.visible.timeoutSeconds * 1000,
    tests: {},
    defaultVisibility: 'visible',
    skipped: 'exclude',
    limits: manifest.limits ? { ...manifest.limits } : undefined,
    // The candidate's own tests may need the database too; the sidecars come with them.
    ...(manifest.services ? { services: serviceInputs(pkg) } : {}),
  };
}
