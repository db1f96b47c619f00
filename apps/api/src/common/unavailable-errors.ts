/**
 * Recognises errors that mean "a dependency is away" rather than "our code is wrong", so the error filter can
 * answer 503 with a plain message (the client retries) instead of a 500. pg, the Prisma adapter and ioredis
 * wrap the socket error differently, so the whole cause chain is searched.
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
];
const DATABASE_AWAY_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', '57P01', '57P03', '57014']);

export function isDependencyUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return DATABASE_AWAY.some((re) => re.test(String(current)));
    const { message, code, name, cause } = current as { message?: unknown; code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string' && (DATABASE_AWAY_CODES.has(code) || /^ECONN|ETIMEDOUT/.test(code))) return true;
    const text = `${String(name ?? '')} ${String(message ?? '')} ${typeof cause === 'object' ? JSON.stringify(cause, Object.getOwnPropertyNames(cause ?? {})) : ''}`;
    if (DATABASE_AWAY.some((re) => re.test(text))) return true;
    current = cause;
  }
  return false;
}
