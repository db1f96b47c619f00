// The practice suite: the basic contract. The grading suite checks much more (see the prompt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, del, get, put, uniqueKey } from './http.mjs';

test('health answers 200', async () => {
  assert.equal((await api('/health')).status, 200);
});

test('put, get and delete a key', async () => {
  const key = uniqueKey();
  assert.deepEqual((await put(key, 'hello')).json, { key, value: 'hello', version: 1 });
  assert.deepEqual((await get(key)).json, { key, value: 'hello', version: 1 });
  assert.deepEqual((await put(key, 'world')).json, { key, value: 'world', version: 2 });
  assert.equal((await del(key)).status, 204);
  assert.equal((await get(key)).status, 404);
});

test('compare-and-set answers 409 on a stale version', async () => {
  const key = uniqueKey('cas');
  await put(key, 'a');
  assert.equal((await put(key, 'b', { ifVersion: 1 })).status, 200);
  const stale = await put(key, 'c', { ifVersion: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.currentVersion, 2);
});

test('rejects a value that is not a string with 400', async () => {
  assert.equal((await api(`/kv/${uniqueKey()}`, { method: 'PUT', body: { value: 42 } })).status, 400);
});
