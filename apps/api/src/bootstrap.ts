import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { requestContextMiddleware } from './audit/request-context';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { ApiMetrics } from './metrics/api-metrics';
import { httpMetrics } from './metrics/http-metrics.middleware';
import { mountQueueDashboard } from './metrics/queue-dashboard';
import { apiDocsEnabled, type ApiConfig } from './config/api-config';
import { RedisService } from './infra/redis.service';
import { setupOpenApi } from './openapi/setup-openapi';
import { installBodyLimits } from './perimeter/body-limits';
import { csrfOriginCheck } from './perimeter/csrf-origin';
import { rateLimits } from './perimeter/rate-limits';
import { securityHeaders } from './perimeter/security-headers';
import { serveWebApp } from './web/serve-web';
import { installTerminalSocket } from './attempts/workbench/terminal-socket';

/** Builds the whole HTTP application; main.ts listens on it, API tests call it over HTTP the same way. */
export async function createApp(config: ApiConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  // Only the configured reverse proxies may say who the client is; by default nobody (see TRUST_PROXY).
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // First, so refused requests (429, 413, 403) are timed too.
  app.use(httpMetrics(app.get(ApiMetrics)));
  app.use(securityHeaders());
  app.use(cookieParser());
  const limits = rateLimits(app.get(RedisService).client, config.REDIS_KEY_PREFIX, config.RATE_LIMIT_MULTIPLIER);
  app.use('/api/auth/login', limits.login);
  app.use('/api/candidate/sessions', limits.candidateSession);
  for (const path of ['/api/setup', '/api/passwords', '/api/members/accept', '/api/account-links']) app.use(path, limits.accounts);
  app.use('/api/auth/sso', limits.sso);
  app.use('/api/candidate', limits.candidate);
  app.use('/api/v1', limits.publicApi);
  app.use('/api', limits.api);
  app.use('/api', csrfOriginCheck(config.PUBLIC_URL));
  installBodyLimits(app);
  // After the body parsers: audit events read the client's address and user agent from here.
  app.use(requestContextMiddleware);
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  if (apiDocsEnabled(config)) setupOpenApi(app);
  mountQueueDashboard(app);
  installTerminalSocket(app, config.PUBLIC_URL);
  if (config.NODE_ENV === 'production' && !serveWebApp(app, config.WEB_DIST, { sourceMaps: config.WEB_SOURCE_MAPS })) {
    logger.warn({ webDist: config.WEB_DIST }, 'web app not built; serving the API only');
  }
  return app;
}
