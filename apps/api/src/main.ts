import 'reflect-metadata';
import { exitOnConfigError } from '@takehome/config';
import { createApp } from './bootstrap';
import { createLogger } from './common/pino-logger';
import { loadApiConfig } from './config/api-config';

async function main() {
  const config = exitOnConfigError(() => loadApiConfig());
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, logger);
  await app.listen(config.PORT, config.HOST);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'api listening');
}

void main();
