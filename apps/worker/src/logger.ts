import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: { service: 'worker' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger } from 'pino';
