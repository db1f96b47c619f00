import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import type { ApiConfig } from './config/api-config';
import { setupOpenApi } from './openapi/setup-openapi';
import { serveWebApp } from './web/serve-web';

/** Builds the whole HTTP application; main.ts listens on it, API tests call it over HTTP the same way. */
export async function createApp(config: ApiConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  app.useBodyParser('json', { limit: '5mb' });
  // Challenge packages are uploaded as zips; only routes that expect one read the raw body.
  app.useBodyParser('raw', { type: 'application/zip', limit: '10mb' });
  app.use(cookieParser());
  // Behind one reverse proxy in production, req.ip must be the client's address for login throttling.
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  if (config.NODE_ENV === 'production' && !serveWebApp(app, config.WEB_DIST)) {
    logger.warn({ webDist: config.WEB_DIST }, 'web app not built; serving the API only');
  }
  return app;
}
