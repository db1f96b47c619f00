import { checkRuntimeFolders, checkServices, checkSuites } from './challenge-checks';
import { ChallengeFormatError, type ChallengeIssue } from './challenge-format.error';
import { type ChallengeManifest, SUITE_NAMES, type SuiteName } from './challenge-manifest.schema';
import type { ChallengePackage } from './challenge-package';
import type { FileMap } from './package-files';
import type { Rubric } from './rubric.schema';

/** The parts of a package as read, from a folder or from memory, before the checks across parts. */
export interface PackageParts {
  challengeYaml?: string;
  rubricYaml?: string;
  prompt?: string;
  manifest?: ChallengeManifest;
  rubric?: Rubric;
  starter: Partial<Record<string, FileMap>>;
  solutions: Partial<Record<string, FileMap>>;
  tests: Partial<Record<SuiteName, FileMap>>;
  /** files under services/, relative to it */
  services?: FileMap;
}

/**
 * The last step of both loaders: checks that need more than one part, then either every issue found so far
 * as one ChallengeFormatError, or the package.
 */
export function assemblePackage(dir: string, parts: PackageParts, issues: ChallengeIssue[], errorLabel = dir): ChallengePackage {
  const { manifest, rubric, challengeYaml, rubricYaml, prompt, starter, solutions, tests, services } = parts;
  // Cross-part checks only make sense against a manifest that parsed; otherwise they would add noise.
  if (manifest) {
    checkRuntimeFolders(manifest, 'starter', starter, issues);
    checkRuntimeFolders(manifest, 'solutions', solutions, issues);
    checkSuites(manifest, tests, issues);
    checkServices(manifest, services, issues);
  } else {
    for (const suite of SUITE_NAMES) if (!tests[suite]) issues.push({ file: `tests/${suite}`, message: 'missing' });
  }
  if (issues.length > 0 || !manifest || !rubric || challengeYaml === undefined || rubricYaml === undefined || prompt === undefined) {
    throw new ChallengeFormatError(errorLabel, issues);
  }
  return {
    dir,
    manifest,
    rubric,
    prompt,
    sources: { challengeYaml, rubricYaml },
    starter,
    solutions,
    tests: tests as Record<SuiteName, FileMap>,
    ...(services && Object.keys(services).length > 0 ? { services } : {}),
  };
}
