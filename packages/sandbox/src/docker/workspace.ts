import type Docker from 'dockerode';
import * as path from 'node:path';
import type { SandboxConfig } from '../config';
import { buildTar, readSingleFileFromTar, safeRelativePath } from './tar';

export function sandboxUser(config: SandboxConfig): { uid: number; gid: number } {
  const [uid, gid] = config.user.split(':').map(Number);
  return { uid, gid: gid ?? uid };
}

/** Copies files (later maps win) into the running container's workspace volume. */
export async function putFiles(
  container: Docker.Container,
  config: SandboxConfig,
  fileSets: Record<string, string>[],
  directories: string[],
): Promise<void> {
  const tar = await buildTar(Object.assign({}, ...fileSets), sandboxUser(config), directories);
  await container.putArchive(tar, { path: config.workspace });
}

export class ReportMissingError extends Error {
  override name = 'ReportMissingError';
}

/** Fetches the report from the workspace; absent (404) becomes a ReportMissingError. */
export async function fetchReport(container: Docker.Container, config: SandboxConfig, reportPath: string): Promise<string> {
  const full = path.posix.join(config.workspace, safeRelativePath(reportPath));
  let stream: NodeJS.ReadableStream;
  try {
    stream = await container.getArchive({ path: full });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw new ReportMissingError(`no report at ${full}`);
    throw err;
  }
  const buf = await readSingleFileFromTar(stream, config.reportMaxBytes);
  return buf.toString('utf8');
}
