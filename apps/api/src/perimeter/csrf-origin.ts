import type { NextFunction, Request, RequestHandler, Response } from 'express';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a foreign page's <form> can post without the browser asking the server first (no CORS preflight). */
const FORM_TYPES = ['text/plain', 'application/x-www-form-urlencoded'];

/**
 * CSRF defence for every cookie-authenticated state change (team and candidate sessions alike), on top of
 * SameSite=Lax:
 * - a request whose Origin is present must come from our own origin: PUBLIC_URL's, or the origin the request
 *   itself was addressed to (a checkout on another port, tests on a random port). A foreign page cannot
 *   choose the Host its victim's browser sends, so that second form cannot be abused cross-site. "null"
 *   (sandboxed frames, privacy redirects) is not our origin;
 * - Sec-Fetch-Site "cross-site" is refused even without Origin;
 * - text/plain and urlencoded bodies are refused outright: no route takes them, and they are exactly what a
 *   cross-site form can send. Multipart forms are what the upload routes take, covered by the Origin check.
 * Without Origin and Sec-Fetch-Site the request is not from a browser acting for someone (browsers send
 * Origin on every cross-site POST, PUT, PATCH and DELETE): scripts, the CLI and the test clients pass.
 */
export function csrfOriginCheck(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const refuse = (message: string) => res.status(403).json({ statusCode: 403, error: 'Forbidden', message, code: 'csrf' });
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.headers.host ?? ''}`;
      if (origin !== publicOrigin && origin !== own) return refuse(`Requests from ${origin} may not change anything here.`);
    } else if (req.headers['sec-fetch-site'] === 'cross-site') {
      return refuse('Cross-site requests may not change anything here.');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (FORM_TYPES.includes(type)) {
      return res.status(415).json({ statusCode: 415, error: 'Unsupported Media Type', message: `Content-Type ${type} is not accepted; send JSON (or the upload's own type).` });
    }
    return next();
  };
}
