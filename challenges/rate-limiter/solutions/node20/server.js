'use strict';
const http = require('node:http');
const { BucketRegistry } = require('./buckets');

const PORT = Number(process.env.PORT || 8080);
const DEFAULTS = { capacity: 10, refillPerSecond: 1 };
const KEY_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
const MAX_BODY_BYTES = 16 * 1024;
const MAX_VALUE = 1_000_000;

const registry = new BucketRegistry(DEFAULTS);

class HttpError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function send(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    return res.end();
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'payload_too_large', `body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
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

function parseConfig(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  }
  const { capacity, refillPerSecond } = body;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_VALUE) {
    throw new HttpError(400, 'invalid_capacity', `capacity must be an integer from 1 to ${MAX_VALUE}`);
  }
  if (typeof refillPerSecond !== 'number' || !Number.isFinite(refillPerSecond) || refillPerSecond <= 0 || refillPerSecond > MAX_VALUE) {
    throw new HttpError(400, 'invalid_refill', `refillPerSecond must be a number greater than 0 and at most ${MAX_VALUE}`);
  }
  return { capacity, refillPerSecond };
}

function keyFrom(segment) {
  let key;
  try {
    key = decodeURIComponent(segment);
  } catch {
    key = '';
  }
  if (!KEY_PATTERN.test(key)) throw new HttpError(400, 'invalid_key', 'key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -');
  return key;
}

function limited(req, res) {
  const key = req.headers['x-api-key'];
  if (typeof key !== 'string' || key.trim() === '') throw new HttpError(401, 'missing_api_key', 'send your key in X-API-Key');
  const result = registry.take(key);
  const headers = { 'x-ratelimit-limit': String(result.capacity), 'x-ratelimit-remaining': String(result.remaining) };
  if (!result.allowed) {
    return send(
      res,
      429,
      { error: 'rate_limited', message: 'too many requests', retryAfterSeconds: result.retryAfter },
      { ...headers, 'retry-after': String(result.retryAfter) },
    );
  }
  send(res, 200, { ok: true, key }, headers);
}

async function route(req, res) {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/health' && req.method === 'GET') return send(res, 200, { status: 'ok' });
  if (pathname.startsWith('/api/')) return limited(req, res);
  const match = /^\/keys\/([^/]+)$/.exec(pathname);
  if (!match) throw new HttpError(404, 'not_found', 'no such route');
  const key = keyFrom(match[1]);
  if (req.method === 'PUT') {
    const config = parseConfig(await readJson(req));
    registry.configure(key, config);
    return send(res, 200, { key, ...config });
  }
  if (req.method === 'GET') {
    const found = registry.get(key);
    if (!found) throw new HttpError(404, 'not_found', 'key has no explicit configuration');
    return send(res, 200, { key, ...found });
  }
  if (req.method === 'DELETE') {
    if (!registry.remove(key)) throw new HttpError(404, 'not_found', 'key has no explicit configuration');
    return send(res, 204);
  }
  throw new HttpError(405, 'method_not_allowed', 'use GET, PUT or DELETE');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (err instanceof HttpError) return send(res, err.status, { error: err.error, message: err.message });
    console.error(err);
    send(res, 500, { error: 'internal', message: 'unexpected error' });
  });
});

server.listen(PORT, '0.0.0.0', () => console.log(`rate-limiter listening on ${PORT}`));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
