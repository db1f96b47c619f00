import 'reflect-metadata';
import { exitOnConfigError } from '@takehome/config';
import cluster from 'node:cluster';
import { superviseApiProcesses } from './api-processes';
import { createApp } from './bootstrap';
import { createLogger } from './common/pino-logger';
import { loadApiConfig } from './config/api-config';

async function main() {
  const config = exitOnConfigError(() => loadApiConfig());
  const logger = createLogger(config.LOG_LEVEL);
  if (config.API_PROCESSES > 1 && cluster.isPrimary) return superviseApiProcesses(config.API_PROCESSES, logger);
  const app = await createApp(config, logger);
  // Shutdown waits for in-flight requests and queue connections; if a dependency is gone and that never
  // completes, leave anyway rather than hang a deploy.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), 15_000).unref());
  }
  await app.listen(config.PORT, config.HOST);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'api listening');
}

void main();
