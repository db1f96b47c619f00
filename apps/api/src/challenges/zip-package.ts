import { ChallengeFormatError, type ChallengePackage } from '@takehome/challenge';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { symlinkEntries } from './zip-entry-types';
import { type ZipWorkerInput, type ZipWorkerResult, zipWorkerMain } from './zip-worker-main';

export const ZIP_LIMITS = { maxEntries: 600, maxFileBytes: 256 * 1024, maxTotalBytes: 8 * 1024 * 1024 };
/** The compressed upload itself; the raw-body parser in bootstrap.ts allows the same 10 MB. */
export const ZIP_UPLOAD_LIMIT = 10 * 1024 * 1024;
/** A thread that has not answered by then is stopped; honest packages take milliseconds. */
const WORKER_TIMEOUT_MS = 20_000;
/** Uploads are rare (hiring leads only): two at once per API process keep one core for everyone else. */
const MAX_THREADS = 2;

export class ZipPackageError extends Error {}

const localRequire = createRequire(__filename);
const CHALLENGE_MODULE = localRequire.resolve('@takehome/challenge');
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage((${String(zipWorkerMain)})(require, workerData));
`;

/** Reads an uploaded challenge zip into { path: text } (see zip-worker-main.ts for the caps). */
export async function readChallengeZip(zip: Uint8Array): Promise<Record<string, string>> {
  return (await inThread(zip, false)).files;
}

/** Reads and validates an uploaded challenge zip; throws ZipPackageError or ChallengeFormatError. */
export async function loadChallengeZip(zip: Uint8Array): Promise<ChallengePackage> {
  return (await inThread(zip, true)).pkg as ChallengePackage;
}

async function inThread(zip: Uint8Array, load: boolean): Promise<Extract<ZipWorkerResult, { ok: true }>> {
  const links = symlinkEntries(zip);
  if (links.length > 0) throw new ZipPackageError(`holds symbolic links (${links.join(', ')}); zip the files themselves`);
  const input: ZipWorkerInput = { zip, limits: ZIP_LIMITS, challengeModule: load ? CHALLENGE_MODULE : undefined };
  const result = await slots.run(() => runWorker(input));
  if (result.ok) return result;
  if ('zipError' in result) throw new ZipPackageError(result.zipError);
  throw new ChallengeFormatError('the uploaded zip', result.formatIssues);
}

function runWorker(input: ZipWorkerInput): Promise<ZipWorkerResult> {
  return new Promise((resolve, reject) => {
    // The heap cap is a second line of defence: a thread that somehow grows past it dies instead of the API.
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: input, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ZipPackageError(`took longer than ${WORKER_TIMEOUT_MS / 1000} s to read`));
    }, WORKER_TIMEOUT_MS);
    worker.once('message', (message: ZipWorkerResult) => {
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error.name === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(error.message) ? new ZipPackageError('needs too much memory to read') : error);
    });
  });
}

/** At most MAX_THREADS readers at once; the rest wait their turn. */
const slots = new (class {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_THREADS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
})();
