'use strict';
// Starting point: an HTTP server with a health check and connections to PostgreSQL and Redis. Everything else
// is yours to design and build. pg and ioredis are installed in the image (see README); nothing else can be.
const http = require('node:http');
const { Pool } = require('pg');
const Redis = require('ioredis');

const PORT = Number(process.env.PORT || 8080);
// Both URLs are set for every run (and point at fresh, empty services); never hard-code them.
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379/0');
redis.on('error', (err) => console.error(`redis: ${err.message}`));

/** TODO: create your schema here. It runs at every start, so it must be idempotent. */
async function migrate() {
  await pool.query('SELECT 1');
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && pathname === '/health') {
    pool.query('SELECT 1').then(
      () => sendJson(res, 200, { status: 'ok' }),
      (err) => sendJson(res, 503, { error: 'database_unavailable', message: err.message }),
    );
    return;
  }
  if (req.method === 'POST' && pathname === '/orders') {
    return sendJson(res, 501, { error: 'not_implemented', message: 'TODO: implement POST /orders' });
  }
  sendJson(res, 404, { error: 'not_found', message: 'no such route' });
});

migrate()
  .then(() => server.listen(PORT, '0.0.0.0', () => console.log(`listening on ${PORT}`)))
  .catch((err) => {
    console.error(`start-up failed: ${err.message}`);
    process.exit(1);
  });
process.on('SIGTERM', () => server.close(() => Promise.all([pool.end(), redis.quit()]).finally(() => process.exit(0))));
