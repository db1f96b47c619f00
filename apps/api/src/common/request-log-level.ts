import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LevelWithSilent } from 'pino';

/**
 * The level pino-http logs a finished request at. A hiring day's autosaves are hundreds a second, so a stored one
 * is logged at debug (its latency is in /metrics); a refused or failed one keeps its usual level, as pino-http's
 * default does (error for a failure or a 5xx, info otherwise).
 */
export function requestLogLevel(req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent {
  if (error || res.statusCode >= 500) return 'error';
  if (req.method === 'PUT' && req.url?.split('?')[0] === '/api/candidate/files' && res.statusCode < 300) return 'debug';
  return 'info';
}
