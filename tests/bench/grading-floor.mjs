#!/usr/bin/env node
// The host floor of a grading: a challenge's suites run directly on this machine against its reference solution,
// with no container, under the project's own supervisor (docker/supervisor/node, as /opt/takehome/supervisor in
// the image) and readiness check. One boot of the service, then each suite's command in its own folder with
// SERVICE_URL and CONTROL_URL, as the runner container has them. Prints {"wallMs": ...} and exits 0 once every
// suite passed in full. Run it under `bash -c '...; times'` to read the CPU time of everything it started.
//   node grading-floor.mjs <challenge dir> <suite,suite,...> [runtime]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { loadChallenge, buildRunInputs, toSandboxRequest } = require(path.join(ROOT, 'packages/challenge'));
const SUPERVISOR = path.join(ROOT, 'docker/supervisor/node');

const freePort = () => new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
const exited = (child) => new Promise((resolve) => child.once('exit', (code) => resolve(code)));

function writeTree(dir, files, dirs = []) {
  for (const d of dirs) mkdirSync(path.join(dir, d), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

async function main() {
  const [challengeDir, suiteList, runtime = 'node20'] = process.argv.slice(2);
  const pkg = await loadChallenge(path.resolve(challengeDir));
  const requests = suiteList.split(',').map((suite) => toSandboxRequest(buildRunInputs(pkg, runtime, suite, 'solution'), `floor-${suite}`));
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  const [port, controlPort] = [await freePort(), await freePort()];
  const started = performance.now();
  try {
    const workspace = path.join(root, 'workspace');
    writeTree(workspace, requests[0].submissionFiles, ['.data']);
    const supervisor = spawn(process.execPath, [path.join(SUPERVISOR, 'supervisor.js'), ...requests[0].runtime.startCommand], {
      env: { ...process.env, PORT: String(port), CONTROL_PORT: String(controlPort), DATA_DIR: path.join(workspace, '.data'), WORKSPACE: workspace },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const serviceUrl = `http://127.0.0.1:${port}`;
    try {
      const { readinessPath, readinessTimeoutMs } = requests[0].service;
      const ready = spawn(process.execPath, [path.join(SUPERVISOR, 'wait-ready.js'), `${serviceUrl}${readinessPath}`, String(readinessTimeoutMs)], { stdio: 'inherit' });
      if ((await exited(ready)) !== 0) throw new Error('the reference solution never became ready');
      for (const [i, request] of requests.entries()) {
        const dir = path.join(root, `suite-${i}`);
        writeTree(dir, request.testFiles, ['.data', path.dirname(request.reportPath)]);
        const [cmd, ...args] = request.testCommand;
        const tests = spawn(cmd, args, {
          cwd: dir, stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, SERVICE_URL: serviceUrl, CONTROL_URL: `http://127.0.0.1:${controlPort}` },
        });
        const code = await exited(tests);
        if (code !== 0 || !existsSync(path.join(dir, request.reportPath))) throw new Error(`suite ${suiteList.split(',')[i]} did not pass on the host (exit ${code})`);
      }
    } finally {
      supervisor.kill('SIGTERM');
      await exited(supervisor);
    }
    console.log(JSON.stringify({ wallMs: performance.now() - started }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`grading-floor: ${error.stack ?? error}`);
  process.exit(1);
});
