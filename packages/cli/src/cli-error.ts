/** A problem with what the user asked for: printed as one line, exit code 2, no stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}
