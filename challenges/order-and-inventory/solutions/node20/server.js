'use strict';
// HTTP layer: routing, body parsing and status codes. Storage rules live in store.js, caching in cache.js.
const http = require('node:http');
const { Pool } = require('pg');
const Redis = require('ioredis');
const { HttpError } = require('./errors');
const { migrate } = require('./schema');
const { ProductCache } = require('./cache');
const { Store } = require('./store');
const v = require('./validation');

const PORT = Number(process.env.PORT || 8080);
const MAX_BODY_BYTES = 64 * 1024;

// Ten connections: more than the 1 CPU can use, and each waits on row locks rather than computing.
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', (err) => console.error(`idle database connection failed: ${err.message}`));
const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379/0', { maxRetriesPerRequest: 1 });
redis.on('error', (err) => console.error(`redis: ${err.message}`));
const store = new Store(pool, new ProductCache(redis));

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
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
        reject(new HttpError(400, 'invalid_json', 'body must be valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

async function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (req.method === 'GET' && url.pathname === '/health') {
    await pool.query('SELECT 1');
    return send(res, 200, { status: 'ok' });
  }
  if (parts[0] === 'products' && parts.length === 2) {
    if (req.method === 'PUT') return send(res, 200, await store.putProduct(v.parseProduct(parts[1], await readJson(req))));
    if (req.method === 'GET') {
      const found = await store.getProduct(v.checkSku(parts[1]));
      if (!found) throw new HttpError(404, 'not_found', `no product has sku ${parts[1]}`);
      return send(res, 200, found.product, { 'x-cache': found.cached ? 'hit' : 'miss' });
    }
  }
  if (parts[0] === 'orders' && parts.length === 1) {
    if (req.method === 'POST') {
      const key = v.parseIdempotencyKey(req.headers['idempotency-key']);
      const { order, replayed } = await store.placeOrder(key, v.parseOrder(await readJson(req)));
      return send(res, 201, order, { 'idempotent-replayed': String(replayed) });
    }
    if (req.method === 'GET') return send(res, 200, await store.listOrders(v.parseListQuery(url.searchParams)));
  }
  if (parts[0] === 'orders' && parts.length === 2 && req.method === 'GET') {
    const order = await store.getOrder(parts[1]);
    if (!order) throw new HttpError(404, 'not_found', `no order has id ${parts[1]}`);
    return send(res, 200, order);
  }
  throw new HttpError(404, 'not_found', 'no such route');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (err instanceof HttpError) return send(res, err.status, { error: err.error, message: err.message, ...err.extra });
    if (err instanceof URIError) return send(res, 400, { error: 'invalid_path', message: 'malformed percent-encoding' });
    console.error(err);
    send(res, 500, { error: 'internal', message: 'unexpected error' });
  });
});

migrate(pool)
  .then(() => server.listen(PORT, '0.0.0.0', () => console.log(`listening on ${PORT}`)))
  .catch((err) => {
    console.error(`migration failed: ${err.message}`);
    process.exit(1);
  });

process.on('SIGTERM', () => server.close(() => Promise.all([pool.end(), redis.quit()]).finally(() => process.exit(0))));
