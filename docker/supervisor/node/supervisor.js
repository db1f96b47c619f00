#!/usr/local/bin/node
'use strict';
// Runs a submission's start command and exposes a control endpoint so black-box tests can restart it
// (to check that data survives restarts). Usage: supervisor.js CMD [ARGS...]; PORT and DATA_DIR come
// from the container environment. Plain Node so the image needs nothing else.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');

const [cmd, ...args] = process.argv.slice(2);
const PORT = Number(process.env.PORT || 3000);
const CONTROL_PORT = Number(process.env.CONTROL_PORT || 7070);
const KILL_GRACE_MS = 2000;
const LISTEN_WAIT_MS = Number(process.env.RESTART_WAIT_MS || 15000);
if (!cmd) { console.error('[supervisor] no start command'); process.exit(2); }
if (process.env.DATA_DIR) fs.mkdirSync(process.env.DATA_DIR, { recursive: true });

let child = null;
function start() {
  // A process group of its own so a restart also stops whatever `npm start` forked.
  child = spawn(cmd, args, { cwd: process.env.WORKSPACE || '/workspace', stdio: 'inherit', detached: true });
  child.on('error', (err) => console.error(`[supervisor] cannot start ${cmd}: ${err.message}`));
  child.on('exit', (code, signal) => console.error(`[supervisor] submission exited (${signal || code})`));
}

function stop() {
  const current = child;
  if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (sig) => { try { process.kill(-current.pid, sig); } catch { /* already gone */ } };
    const timer = setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS);
    current.once('exit', () => { clearTimeout(timer); resolve(); });
    kill('SIGTERM');
  });
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
http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/restart') {
    // Concurrent restarts share one cycle instead of killing each other's fresh process.
    restarting ??= stop().then(() => { start(); return waitListening(); }).finally(() => { restarting = null; });
    restarting.then((ok) => {
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { status: 'restarted' } : { status: 'not_listening', port: PORT }));
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/health') { res.end('ok'); return; }
  res.writeHead(404).end();
}).listen(CONTROL_PORT, '0.0.0.0', start);

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => stop().then(() => process.exit(0)));
