'use strict';
const http = require('node:http');
const path = require('node:path');
const { KvStore } = require('./store');

const PORT = Number(process.env.PORT || 8080);
const DATA_DIR = process.env.DATA_DIR || path.join(process.cwd(), '.data');
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_VALUE_CHARS = 65536;
const MAX_BODY_BYTES = 1024 * 1024;

const store = new KvStore(DATA_DIR);

class HttpError extends Error {
  constructor(status, error, message, extra = {}) {
    super(message);
    Object.assign(this, { status, error, extra });
  }
}

function send(res, status, body) {
  if (body === undefined) return res.writeHead(status).end();
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
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

function parsePut(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'invalid_body', 'body must be a JSON object');
  if (typeof body.value !== 'string') throw new HttpError(400, 'invalid_value', 'value is required and must be a string');
  if (body.value.length > MAX_VALUE_CHARS) throw new HttpError(400, 'invalid_value', `value must be at most ${MAX_VALUE_CHARS} characters`);
  const { ifVersion } = body;
  if (ifVersion !== undefined && !(Number.isSafeInteger(ifVersion) && ifVersion >= 0)) {
    throw new HttpError(400, 'invalid_if_version', 'ifVersion must be a whole number, 0 or more');
  }
  return { value: body.value, ifVersion };
}

const view = (key, entry) => ({ key, value: entry.value, version: entry.version });

async function route(req, res) {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname === '/health' && req.method === 'GET') return send(res, 200, { status: 'ok' });
  if (pathname === '/admin/compact' && req.method === 'POST') return send(res, 200, { keys: store.compact() });
  const match = /^\/kv\/([^/]*)$/.exec(pathname);
  if (!match) throw new HttpError(404, 'not_found', 'no such route');
  let key;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    key = '';
  }
  if (!KEY_PATTERN.test(key)) throw new HttpError(400, 'invalid_key', 'key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -');
  if (req.method === 'GET') {
    const entry = store.get(key);
    if (!entry) throw new HttpError(404, 'not_found', 'no such key');
    return send(res, 200, view(key, entry));
  }
  if (req.method === 'PUT') {
    const { value, ifVersion } = parsePut(await readJson(req));
    const result = store.put(key, value, ifVersion);
    if (result.conflict !== undefined) {
      throw new HttpError(409, 'version_mismatch', 'the key is not at the expected version', { currentVersion: result.conflict });
    }
    return send(res, 200, view(key, result));
  }
  if (req.method === 'DELETE') {
    if (!store.delete(key)) throw new HttpError(404, 'not_found', 'no such key');
    return send(res, 204);
  }
  throw new HttpError(405, 'method_not_allowed', 'use GET, PUT or DELETE');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (err instanceof HttpError) return send(res, err.status, { error: err.error, message: err.message, ...err.extra });
    console.error(err);
    send(res, 500, { error: 'internal', message: 'unexpected error' });
  });
});

server.listen(PORT, '0.0.0.0', () => console.log(`kv-store listening on ${PORT}`));
// Nothing to flush on SIGTERM: every acknowledged write is already on disk.
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
});
