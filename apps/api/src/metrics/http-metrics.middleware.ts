import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiMetrics } from './api-metrics';

/**
 * Times every request and labels it with the matched route pattern ("/api/assessments/:id"), never the raw
 * path: ids in label values would make one time series per candidate. Requests no route matched (404s, the
 * web app's files) share one label.
 */
export function httpMetrics(metrics: ApiMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(req.method, routePattern(req), res.statusCode, seconds);
    });
    next();
  };
}

function routePattern(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (!route || typeof route.path !== 'string') return 'unmatched';
  return `${req.baseUrl}${route.path}`.replace(/\/$/, '') || '/';
}
