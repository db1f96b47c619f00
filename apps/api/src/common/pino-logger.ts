import pino, { type Logger } from 'pino';

/** The API's one pino logger; nestjs-pino (see AppModule) routes Nest's own Logger and each request into it. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'api' }, timestamp: pino.stdTimeFunctions.isoTime });
}
