import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTestDatabase } from '../../../../tests/support/test-database';
import { createApp } from '../../src/bootstrap';
import { type ApiConfig, loadApiConfig } from '../../src/config/api-config';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: ApiConfig;
  close(): Promise<void>;
}

/**
 * Boots the real AppModule on a fresh database (or the one DATABASE_URL in overrides names) and a free port;
 * tests talk to it over HTTP.
 */
export async function startTestApp(label: string, overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const databaseUrl = overrides.DATABASE_URL ?? (await createTestDatabase(label));
  const config = loadApiConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_KEY_PREFIX: `takehome-test:${randomUUID()}:`,
    // Suites sign in and open links far more often per minute than any person; the security suite sets 1.
    RATE_LIMIT_MULTIPLIER: '100',
    ...overrides,
  });
  const app = await createApp(config, pino({ level: 'silent' }));
  // A random free port, unless the test needs to know it beforehand (PUBLIC_URL pointing at the app itself).
  await app.listen(overrides.PORT ? config.PORT : 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => app.close(),
  };
}
