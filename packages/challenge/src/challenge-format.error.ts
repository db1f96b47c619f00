/** One problem in a challenge folder, located precisely enough that an author can fix it without guessing. */
export interface ChallengeIssue {
  /** Path relative to the challenge folder, e.g. `challenge.yaml` or `starter/node20`. */
  file: string;
  /** Dotted field path inside a YAML file (`suites.hidden.report.format`); absent for file-level problems. */
  path?: string;
  message: string;
  /** 1-based line in `file`, when known. */
  line?: number;
}

export function formatIssue(issue: ChallengeIssue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  const line = issue.line ? ` (line ${issue.line})` : '';
  return `${where}: ${issue.message}${line}`;
}

/** Thrown by the loader with every problem found, not just the first, so authors fix a folder in one pass. */
export class ChallengeFormatError extends Error {
  override readonly name = 'ChallengeFormatError';

  constructor(
    readonly dir: string,
    readonly issues: readonly ChallengeIssue[],
  ) {
    super(`Invalid challenge at ${dir}:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
  }
}
