import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, configure, hit, NO_REFILL, uniqueKey } from './http.mjs';

test('GET /health answers 200', async () => {
  assert.equal((await api('/health')).status, 200);
});

test('requests without X-API-Key are rejected with 401', async () => {
  const res = await api('/api/resource');
  assert.equal(res.status, 401);
  assert.equal(typeof res.json?.error, 'string', 'error body is JSON with an "error" field');
});

test('PUT /keys/:key configures capacity and refill rate', async () => {
  const key = uniqueKey();
  const res = await api(`/keys/${key}`, { method: 'PUT', body: { capacity: 5, refillPerSecond: 2.5 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { key, capacity: 5, refillPerSecond: 2.5 });
});

test('a configured key allows exactly capacity requests in a row, then answers 429', async () => {
  const key = uniqueKey();
  await configure(key, 3, NO_REFILL);
  for (let i = 0; i < 3; i++) assert.equal((await hit(key)).status, 200, `request ${i + 1} is admitted`);
  const res = await hit(key);
  assert.equal(res.status, 429);
  assert.equal(res.json?.error, 'rate_limited');
});

test('429 responses carry a Retry-After header in whole seconds', async () => {
  const key = uniqueKey();
  await configure(key, 1, 0.5);
  await hit(key);
  const res = await hit(key);
  assert.equal(res.status, 429);
  assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
  assert.equal(Number(res.headers.get('retry-after')), 2, 'one token at 0.5/s takes 2 seconds');
});

test('tokens refill over time at the configured rate', async () => {
  const key = uniqueKey();
  await configure(key, 1, 4);
  assert.equal((await hit(key)).status, 200);
  assert.equal((await hit(key)).status, 429);
  await sleep(500); // one token needs 250 ms; the margin absorbs a slow machine
  assert.equal((await hit(key)).status, 200);
});

test('PUT /keys/:key rejects an invalid configuration with 400', async () => {
  const res = await api(`/keys/${uniqueKey()}`, { method: 'PUT', body: { capacity: 0, refillPerSecond: 1 } });
  assert.equal(res.status, 400);
  assert.equal(typeof res.json?.error, 'string');
});
