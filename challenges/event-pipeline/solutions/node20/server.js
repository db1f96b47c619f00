'use strict';
const http = require('node:http');
const path = require('node:path');
const { parseBatch, parseTimestamp, WINDOWS, toView } = require('./events');
const { EventStore } = require('./store');

const PORT = Number(process.env.PORT || 8080);
const DATA_DIR = process.env.DATA_DIR || path.join(process.cwd(), '.data');
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const store = new EventStore(DATA_DIR);

class HttpError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readText(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'payload_too_large', `batches are limited to ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function ingest(req, res) {
  const { events, errors, nonBlank } = parseBatch(await readText(req));
  if (nonBlank === 0) throw new HttpError(400, 'empty_batch', 'the body contains no event lines');
  const accepted = store.insertNew(events);
  send(res, 200, { accepted, duplicates: events.length - accepted, rejected: errors.length, errors });
}

function aggregates(query, res) {
  const window = query.get('window');
  if (!Object.hasOwn(WINDOWS, window ?? '')) throw new HttpError(400, 'invalid_window', 'window must be minute, hour or day');
  const from = parseTimestamp(query.get('from'));
  const to = parseTimestamp(query.get('to'));
  if (from === undefined || to === undefined) {
    throw new HttpError(400, 'invalid_range', 'from and to are required ISO 8601 date-times with a timezone');
  }
  if (from >= to) throw new HttpError(400, 'invalid_range', 'from must be before to');
  const type = query.get('type') ?? undefined;
  const buckets = store.aggregate({ windowMs: WINDOWS[window], from, to, type });
  send(res, 200, {
    window,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...(type !== undefined ? { type } : {}),
    buckets: buckets.map((b) => ({ ...b, start: new Date(b.start).toISOString() })),
  });
}

async function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
  if (url.pathname === '/events' && req.method === 'POST') return ingest(req, res);
  if (url.pathname === '/aggregates' && req.method === 'GET') return aggregates(url.searchParams, res);
  const m = /^\/events\/([^/]+)$/.exec(url.pathname);
  if (m && req.method === 'GET') {
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      throw new HttpError(404, 'not_found', 'no event with this id');
    }
    const e = store.get(id);
    if (!e) throw new HttpError(404, 'not_found', 'no event with this id');
    return send(res, 200, toView(e));
  }
  throw new HttpError(404, 'not_found', 'no such route');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (err instanceof HttpError) return send(res, err.status, { error: err.error, message: err.message });
    console.error(err);
    send(res, 500, { error: 'internal', message: 'unexpected error' });
  });
});

server.listen(PORT, '0.0.0.0', () => console.log(`event-pipeline listening on ${PORT}`));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
