import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for the app and the API alike (helmet), with a strict Content-Security-Policy the built
 * app passes: scripts only from our own origin (Vite emits no inline script; index.html loads one module
 * file), no plugins, no framing (clickjacking), forms and <base> pinned to our origin.
 *
 * Styles: 'unsafe-inline' is allowed for style-src. Mantine sets layout through style attributes and injects
 * its CSS variables in a <style> element at runtime; CSP nonces cannot cover style attributes, and hashes
 * cannot cover runtime-generated values. Inline style can restyle a page but not run code, so the script
 * policy (the one that stops XSS) stays strict. Images and fonts may be data: URLs (Mantine's icons, the
 * editor's gutter markers).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The app is served over plain HTTP in local runs; HSTS is for the TLS terminator in front of it to set.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
