import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ZIP_UPLOAD_LIMIT } from '../challenges/zip-package';

/** The default for JSON bodies: a review or a feedback text, JSON-escaped, with room to spare. */
export const DEFAULT_JSON_LIMIT = '256kb';

/**
 * Only the routes that need large bodies get them; everything else stops reading at the default (413).
 * body-parser skips a request another parser already read, so the first matching entry wins.
 */
const LARGER: { path: string; parser: RequestHandler }[] = [
  // One draft file of up to 200 KB, which JSON escaping can grow several-fold.
  { path: '/api/candidate/files', parser: json({ limit: '1.5mb' }) },
  // A browser edit of a challenge version: a prompt of up to 100 000 characters and a rubric.
  { path: '/api/challenges', parser: json({ limit: '1mb' }) },
  // Challenge packages as a raw zip; only the import route reads it.
  { path: '/api/challenges/import', parser: raw({ type: 'application/zip', limit: ZIP_UPLOAD_LIMIT }) },
  // CSV imports read their own body, capped in pipeline/csv-upload.ts; forms go through multer's limits.
];

export function installBodyLimits(app: NestExpressApplication): void {
  for (const { path, parser } of LARGER) app.use(path, answeringErrors(parser));
  app.use(answeringErrors(json({ limit: DEFAULT_JSON_LIMIT })));
}

/** Body-parser's errors (413, malformed JSON) in the API's one error shape instead of Express's HTML page. */
function answeringErrors(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status ?? 400;
      const message =
        status === 413 ? `The request body is larger than this route accepts (${(error as { limit?: number }).limit ?? '?'} bytes).` : 'The request body is not valid JSON.';
      res.status(status).json({ statusCode: status, error: status === 413 ? 'Payload Too Large' : 'Bad Request', message });
    });
}
