import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, burst, configure, hit, NO_REFILL, uniqueKey } from './http.mjs';

function assertJsonError(res, status) {
  assert.equal(res.status, status, res.text);
  assert.equal(typeof res.json?.error, 'string', 'error body is JSON with an "error" field');
}

test('config: reconfiguring a key keeps the tokens already used', async () => {
  const key = uniqueKey();
  await configure(key, 3, NO_REFILL);
  await burst(key, 3);
  await configure(key, 5, NO_REFILL);
  assert.equal((await api(`/keys/${key}`)).json?.remaining, 0, 'raising the capacity adds no tokens');
  assert.equal((await hit(key)).status, 429, 'raising the capacity does not hand out a fresh bucket');
});

test('config: lowering the capacity clamps the available tokens', async () => {
  const key = uniqueKey();
  await configure(key, 10, NO_REFILL);
  await hit(key);
  await hit(key);
  await configure(key, 3, NO_REFILL);
  const { admitted } = await burst(key, 8);
  assert.equal(admitted, 3);
});

test('config: GET /keys/:key returns the configuration and remaining tokens', async () => {
  const key = uniqueKey();
  await configure(key, 6, NO_REFILL);
  await hit(key);
  await hit(key);
  const res = await api(`/keys/${key}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { key, capacity: 6, refillPerSecond: NO_REFILL, remaining: 4 });
});

test('config: GET /keys/:key answers 404 for a key that was never configured', async () => {
  assertJsonError(await api(`/keys/${uniqueKey('never')}`), 404);
});

test('config: DELETE /keys/:key returns the key to the default limit', async () => {
  const key = uniqueKey();
  await configure(key, 1, NO_REFILL);
  await hit(key);
  assert.equal((await hit(key)).status, 429);
  const del = await api(`/keys/${key}`, { method: 'DELETE' });
  assert.equal(del.status, 204);
  const res = await hit(key);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-ratelimit-limit'), '10');
  assertJsonError(await api(`/keys/${key}`, { method: 'DELETE' }), 404);
});

test('config: a deleted key counts as never configured', async () => {
  const key = uniqueKey('deleted');
  await configure(key, 4, NO_REFILL);
  assert.equal((await api(`/keys/${key}`, { method: 'DELETE' })).status, 204);
  assertJsonError(await api(`/keys/${key}`), 404);
  assertJsonError(await api(`/keys/${key}`, { method: 'DELETE' }), 404);
});

test('validation: rejects capacity that is not a positive integer with 400', async () => {
  for (const capacity of [0, -1, 2.5, '5', null, 1_000_001]) {
    assertJsonError(await api(`/keys/${uniqueKey()}`, { method: 'PUT', body: { capacity, refillPerSecond: 1 } }), 400);
  }
  assertJsonError(await api(`/keys/${uniqueKey()}`, { method: 'PUT', body: { refillPerSecond: 1 } }), 400);
});

test('validation: rejects a refill rate that is not a positive number with 400', async () => {
  for (const refillPerSecond of [0, -2, '1', null, 1_000_001]) {
    assertJsonError(await api(`/keys/${uniqueKey()}`, { method: 'PUT', body: { capacity: 5, refillPerSecond } }), 400);
  }
});

test('validation: rejects a malformed or non-object JSON body with 400', async () => {
  assertJsonError(await api(`/keys/${uniqueKey()}`, { method: 'PUT', rawBody: '{"capacity": 5,' }), 400);
  assertJsonError(await api(`/keys/${uniqueKey()}`, { method: 'PUT', body: [5, 1] }), 400);
});

test('validation: an invalid configuration leaves the previous one in place', async () => {
  const key = uniqueKey();
  await configure(key, 2, NO_REFILL);
  await api(`/keys/${key}`, { method: 'PUT', body: { capacity: -5, refillPerSecond: 1 } });
  const res = await api(`/keys/${key}`);
  assert.equal(res.json?.capacity, 2);
});

test('auth: an empty X-API-Key header is rejected with 401', async () => {
  assertJsonError(await api('/api/resource', { headers: { 'x-api-key': '' } }), 401);
});
