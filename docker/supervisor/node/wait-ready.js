#!/usr/local/bin/node
'use strict';
// Polls URL until the service answers (any status below 500) or TIMEOUT_MS passes. Runs inside the runner
// container because the host cannot reach the run's internal network. Exit 0 = ready, 3 = not ready.
const [url, timeoutArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg || 10000);
let last = 'no answer';
(async () => {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(100, deadline - Date.now())) });
      if (res.status < 500) process.exit(0);
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err.cause && err.cause.code) || err.message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  console.error(`service at ${url} not ready after ${timeoutArg} ms (last: ${last})`);
  process.exit(3);
})();
