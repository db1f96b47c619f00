import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  address: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Node's own AsyncLocalStorage, not nestjs-cls: all the audit trail needs is three read-only values per
 * request, which a ten-line middleware provides without a module, a proxy provider or a dependency to keep
 * up to date. It is mounted after the body parsers (bootstrap.ts): a parser resumes the chain from a stream
 * event, which would lose a context entered before it; everything after this middleware is promise-based
 * (guards, interceptors, multer inside its interceptor, handlers) and keeps it.
 */
const storage = new AsyncLocalStorage<RequestContext>();

export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const agent = req.headers['user-agent'];
  storage.run(
    {
      // req.ip honours `trust proxy` (bootstrap.ts): the client's address behind our one reverse proxy.
      address: req.ip ?? null,
      userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null,
      // pino-http (nestjs-pino's middleware, which runs after this one) sets req.id, so an event can be matched
      // with the request's log lines: read when the event is recorded, not now.
      get requestId() {
        const id = (req as Request & { id?: unknown }).id;
        return id != null ? String(id) : null;
      },
    },
    next,
  );
}

/** The current request's metadata, or null outside a request (queue jobs, the seed, the CLI). */
export function currentRequest(): RequestContext | null {
  return storage.getStore() ?? null;
}
