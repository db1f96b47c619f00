import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * In production the API serves the built single-page app, so the platform is one origin on one port:
 * no CORS, and session cookies stay first-party. Unknown non-API paths get index.html for client routing.
 * Source maps (present only when the web build made them) are served only when enabled: they hand out the
 * whole client source, comments included.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string, options: { sourceMaps: boolean }): boolean {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return false;
  if (!options.sourceMaps) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path.endsWith('.map') && !req.path.startsWith('/api')) return void res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'Not found.' });
      next();
    });
  }
  app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path.startsWith('/api') || req.path === '/health';
    if (req.method !== 'GET' || isApi) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
