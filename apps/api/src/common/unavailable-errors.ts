/**
 * Recognises errors that mean "a dependency is away" rather than "our code is wrong", so the error filter can
 * answer 503 with a plain message (the client retries) instead of a 500. pg, the Prisma adapter and ioredis
 * wrap the socket error differently, so the whole cause chain is searched (a raw query's P2010 keeps the
 * PostgreSQL error under meta.driverAdapterError rather than under cause).
 */
const DATABASE_AWAY = [
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH/,
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /canceling statement due to statement timeout/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
  /DatabaseNotReachable|ConnectionClosed|SocketTimeout/,
  // Every pooled connection stayed busy for the transaction's whole wait (a burst of submits): nothing was done.
  /Unable to start a transaction in the given time/i,
];
const DATABASE_AWAY_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', '57P01', '57P03', '57014']);

/**
 * A full disk: PostgreSQL's "could not extend file ... No space left on device" (SQLSTATE 53100 disk_full) or
 * ENOSPC from a file this process writes. Nothing was stored; once space is freed the same request succeeds.
 */
const STORAGE_FULL = [/No space left on device|ENOSPC|disk_full/i];
const STORAGE_FULL_CODES = new Set(['53100', 'ENOSPC']);

export function isDependencyUnavailable(error: unknown): boolean {
  return matches(error, DATABASE_AWAY, DATABASE_AWAY_CODES, /^ECONN|ETIMEDOUT/) || isStorageFull(error);
}

export function isStorageFull(error: unknown): boolean {
  return matches(error, STORAGE_FULL, STORAGE_FULL_CODES);
}

function matches(error: unknown, patterns: RegExp[], codes: Set<string>, codePattern?: RegExp): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return patterns.some((re) => re.test(String(current)));
    const { message, code, name, cause, meta } = current as { message?: unknown; code?: unknown; name?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === 'string' && (codes.has(code) || codePattern?.test(code))) return true;
    const text = `${String(name ?? '')} ${String(message ?? '')} ${typeof cause === 'object' ? JSON.stringify(cause, Object.getOwnPropertyNames(cause ?? {})) : ''}`;
    if (patterns.some((re) => re.test(text))) return true;
    current = cause ?? meta?.driverAdapterError;
  }
  return false;
}
