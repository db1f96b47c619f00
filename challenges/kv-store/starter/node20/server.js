'use strict';
// Starting point: a working HTTP server with a health check. Everything else is yours to design and build.
// Only the Node.js standard library is available: the service runs without network or package installation.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const PORT = Number(process.env.PORT || 8080);
// Persist anything that must survive a restart under DATA_DIR.
const DATA_DIR = process.env.DATA_DIR || path.join(process.cwd(), '.data');
fs.mkdirSync(DATA_DIR, { recursive: true });

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (req.method === 'PUT' && pathname.startsWith('/kv/')) {
    return sendJson(res, 501, { error: 'not_implemented', message: 'TODO: implement PUT /kv/{key}' });
  }
  sendJson(res, 404, { error: 'not_found', message: 'no such route' });
});

server.listen(PORT, '0.0.0.0', () => console.log(`listening on ${PORT}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
