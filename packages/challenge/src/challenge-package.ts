import type { ChallengeManifest, Runtime, SuiteName } from './challenge-manifest.schema';
import type { Mutant } from './mutants';
import type { FileMap } from './package-files';
import type { Rubric } from './rubric.schema';

/** A challenge folder fully read into memory and validated; nothing in it touches the disk again. */
export interface ChallengePackage {
  /** Absolute folder it was loaded from; informational, never part of the content hash. */
  dir: string;
  manifest: ChallengeManifest;
  rubric: Rubric;
  prompt: string;
  /** The YAML texts exactly as written, so hashing and re-export do not depend on YAML re-serialisation. */
  sources: { challengeYaml: string; rubricYaml: string };
  /** Keyed by runtime; every runtime in `manifest.runtimes` is present. Paths relative to `starter/<runtime>/`. */
  starter: Partial<Record<Runtime, FileMap>>;
  /** Reference solutions; never shown to candidates. Paths relative to `solutions/<runtime>/`. */
  solutions: Partial<Record<Runtime, FileMap>>;
  /**
   * Names of the mutants in `mutants/<runtime>/<name>/`, per runtime: only the names, so the stored version can
   * say whether its hidden suite was proven by mutants.
   */
  mutants?: Partial<Record<string, string[]>>;
  /**
   * The mutants themselves, when the package was read from a folder or an uploaded zip; stored beside the
   * version (never in its files or content hash) for the worker's suite verification.
   */
  mutantSources?: Mutant[];
  /** Files under `services/` (e.g. the init SQL `services.postgres.init` names), relative to that folder; absent when none. */
  services?: FileMap;
  /** Paths relative to `tests/<suite>/`. */
  tests: Record<SuiteName, FileMap>;
}
