#!/usr/local/bin/node
'use strict';
// Runs a submission's start command and exposes a control endpoint so black-box tests can restart it
// (to check that data survives restarts). Usage: supervisor.js CMD [ARGS...]; PORT and DATA_DIR come
// from the container environment. Plain Node so the image needs nothing else.
//   POST /restart                       SIGTERM, SIGKILL after a grace period, start again
//   POST /restart?signal=KILL           SIGKILL at once: a crash, no shutdown handler runs
//   POST /restart?signal=KILL&append=F  also appends the request body to DATA_DIR/F while the service is down
//                                       (a torn write, as a power cut leaves one); F must already exist
//   GET  /data-usage                    { bytes, files } under DATA_DIR, to check that storage stays bounded
// The test runner is in another container and cannot reach DATA_DIR itself; docker/supervisor/python mirrors this.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const [cmd, ...args] = process.argv.slice(2);
const PORT = Number(process.env.PORT || 3000);
const CONTROL_PORT = Number(process.env.CONTROL_PORT || 7070);
const KILL_GRACE_MS = 2000;
const LISTEN_WAIT_MS = Number(process.env.RESTART_WAIT_MS || 15000);
const DATA_DIR = process.env.DATA_DIR;
const MAX_APPEND_BYTES = 64 * 1024;
if (!cmd) { console.error('[supervisor] no start command'); process.exit(2); }
if (process.env.DATA_DIR) fs.mkdirSync(process.env.DATA_DIR, { recursive: true });

let child = null;
function start() {
  // A process group of its own so a restart also stops whatever `npm start` forked.
  child = spawn(cmd, args, { cwd: process.env.WORKSPACE || '/workspace', stdio: 'inherit', detached: true });
  child.on('error', (err) => console.error(`[supervisor] cannot start ${cmd}: ${err.message}`));
  child.on('exit', (code, signal) => console.error(`[supervisor] submission exited (${signal || code})`));
}

function stop(signal = 'SIGTERM') {
  const current = child;
  if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (sig) => { try { process.kill(-current.pid, sig); } catch { /* already gone */ } };
    const timer = setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS);
    current.once('exit', () => { clearTimeout(timer); resolve(); });
    kill(signal);
  }).then(portReleased);
}

/**
 * The leader's exit can come before its children's (npm start -> node), so the old listener may still accept a
 * connection for a moment: without this wait, a restart could report the old process as the new one ready.
 */
async function portReleased() {
  const deadline = Date.now() + KILL_GRACE_MS;
  while (Date.now() < deadline && (await listening())) await new Promise((r) => setTimeout(r, 10));
}

/** DATA_DIR/name for a plain relative name, or null: the control endpoint must not write outside DATA_DIR. */
function dataFile(name) {
  if (!DATA_DIR || !name || path.isAbsolute(name) || name.split(/[\\/]/).some((p) => p === '..' || p === '')) return null;
  return path.join(DATA_DIR, name);
}

/** Appends bytes to an existing file under DATA_DIR; the number appended (0 when the file does not exist). */
function appendTorn(name, bytes) {
  const file = dataFile(name);
  try {
    if (!file || !fs.statSync(file).isFile()) return 0;
    fs.appendFileSync(file, bytes);
    return bytes.length;
  } catch {
    return 0; // missing or unwritable: the caller sees 0 and says so
  }
}

function dataUsage(dir = DATA_DIR, total = { bytes: 0, files: 0 }) {
  if (!dir) return total;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) dataUsage(full, total);
    else if (entry.isFile()) { total.bytes += fs.statSync(full).size; total.files += 1; }
  }
  return total;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => { size += c.length; if (size <= MAX_APPEND_BYTES) chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function listening() {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function waitListening() {
  const deadline = Date.now() + LISTEN_WAIT_MS;
  while (Date.now() < deadline) {
    if (await listening()) return true;
    if (child.exitCode !== null || child.signalCode !== null) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

let restarting = null;
http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://control');
  if (req.method === 'POST' && url.pathname === '/restart') {
    const signal = url.searchParams.get('signal') === 'KILL' ? 'SIGKILL' : 'SIGTERM';
    const append = url.searchParams.get('append');
    const torn = append ? await readBody(req) : null;
    let appended = 0;
    // Concurrent restarts share one cycle instead of killing each other's fresh process.
    restarting ??= stop(signal)
      .then(() => { if (torn) appended = appendTorn(append, torn); start(); return waitListening(); })
      .finally(() => { restarting = null; });
    const ok = await restarting.catch(() => false);
    const body = ok ? { status: 'restarted' } : { status: 'not_listening', port: PORT };
    json(res, ok ? 200 : 503, append ? { ...body, appended } : body);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/data-usage') {
    try { json(res, 200, dataUsage()); } catch (err) { json(res, 500, { error: err.message }); }
    return;
  }
  if (req.method === 'GET' && url.pathname === '/health') { res.end('ok'); return; }
  res.writeHead(404).end();
}).listen(CONTROL_PORT, '0.0.0.0', start);

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => stop().then(() => process.exit(0)));
