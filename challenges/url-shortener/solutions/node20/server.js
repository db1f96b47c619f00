'use strict';
const http = require('node:http');
const path = require('node:path');
const { randomInt } = require('node:crypto');
const { LinkStore } = require('./store');

const PORT = Number(process.env.PORT || 8080);
const DATA_DIR = process.env.DATA_DIR || path.join(process.cwd(), '.data');
const MAX_BODY_BYTES = 64 * 1024;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,32}$/;
// These would shadow the service's own routes if used as codes.
const RESERVED = new Set(['health', 'links']);
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const store = new LinkStore(DATA_DIR);

class HttpError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function send(res, status, body, headers = {}) {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
  res.end(payload);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'payload_too_large', `body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'invalid_json', 'request body must be valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function validateUrl(value) {
  if (typeof value !== 'string' || value.length === 0) throw new HttpError(400, 'invalid_url', 'url is required and must be a string');
  if (value.length > 2048) throw new HttpError(400, 'invalid_url', 'url must be at most 2048 characters');
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new HttpError(400, 'invalid_url', 'url must be an absolute http or https URL');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new HttpError(400, 'invalid_url', 'url must be an absolute http or https URL');
  }
  return value; // stored as given so the redirect matches what the client sent byte for byte
}

function validateExpiry(value, now) {
  if (value === undefined || value === null) return null;
  // Date.parse accepts many informal formats; require ISO 8601 so behaviour does not depend on the engine.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value !== 'string' || !iso.test(value) || Number.isNaN(Date.parse(value))) {
    throw new HttpError(400, 'invalid_expires_at', 'expiresAt must be an ISO 8601 timestamp with a timezone');
  }
  const at = Date.parse(value);
  if (at <= now) throw new HttpError(400, 'invalid_expires_at', 'expiresAt must be in the future');
  return new Date(at).toISOString();
}

function generateCode() {
  for (;;) {
    let code = '';
    for (let i = 0; i < 7; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!store.has(code) && !RESERVED.has(code)) return code;
  }
}

function view(link, req) {
  return { ...link, shortUrl: `http://${req.headers.host || `localhost:${PORT}`}/${link.code}` };
}

async function createLink(req, res) {
  const body = await readJson(req);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  }
  const now = Date.now();
  const url = validateUrl(body.url);
  const expiresAt = validateExpiry(body.expiresAt, now);
  let code;
  if (body.alias !== undefined && body.alias !== null) {
    if (typeof body.alias !== 'string' || !ALIAS_PATTERN.test(body.alias)) {
      throw new HttpError(400, 'invalid_alias', 'alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -');
    }
    if (RESERVED.has(body.alias) || store.has(body.alias)) throw new HttpError(409, 'alias_taken', 'alias is already in use');
    code = body.alias;
  } else {
    code = generateCode();
  }
  const link = store.create({ code, url, createdAt: new Date(now).toISOString(), expiresAt, clicks: 0, lastAccessedAt: null });
  send(res, 201, view(link, req));
}

function redirect(code, res) {
  const link = store.get(code);
  if (!link) throw new HttpError(404, 'not_found', 'no link with this code');
  const now = Date.now();
  if (link.expiresAt && Date.parse(link.expiresAt) <= now) throw new HttpError(410, 'expired', 'this link has expired');
  store.click(code, new Date(now).toISOString());
  send(res, 302, undefined, { location: link.url, 'cache-control': 'no-store' });
}

function stats(code, req, res) {
  const link = store.get(code);
  if (!link) throw new HttpError(404, 'not_found', 'no link with this code');
  send(res, 200, view(link, req));
}

async function route(req, res) {
  const { pathname } = new URL(req.url, 'http://localhost');
  let parts;
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new HttpError(404, 'not_found', 'no such route'); // malformed percent-encoding cannot name a link
  }
  if (pathname === '/health' && req.method === 'GET') return send(res, 200, { status: 'ok' });
  if (pathname === '/links') {
    if (req.method === 'POST') return createLink(req, res);
    throw new HttpError(405, 'method_not_allowed', 'use POST /links');
  }
  if (parts.length === 2 && parts[0] === 'links' && req.method === 'GET') return stats(parts[1], req, res);
  if (parts.length === 1 && req.method === 'GET') return redirect(parts[0], res);
  throw new HttpError(404, 'not_found', 'no such route');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (err instanceof HttpError) return send(res, err.status, { error: err.error, message: err.message });
    console.error(err);
    send(res, 500, { error: 'internal', message: 'unexpected error' });
  });
});

server.listen(PORT, '0.0.0.0', () => console.log(`url-shortener listening on ${PORT}`));
// The supervisor restarts us with SIGTERM; closing lets in-flight responses finish.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref(); // idle keep-alive clients must not hold a restart hostage
});
