import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, del, get, mustPut, put, uniqueKey } from './http.mjs';

test('kv: put, get, overwrite and delete follow the contract', async () => {
  const key = uniqueKey();
  assert.equal((await get(key)).status, 404, 'a key never written is 404');
  const first = await put(key, 'one');
  assert.equal(first.status, 200);
  assert.deepEqual(first.json, { key, value: 'one', version: 1 });
  assert.deepEqual((await put(key, 'two')).json, { key, value: 'two', version: 2 });
  assert.deepEqual((await get(key)).json, { key, value: 'two', version: 2 });
  const unicode = 'naïve — 日本語 🚀 "quoted" \\ back\nslash';
  assert.deepEqual((await put(key, unicode)).json, { key, value: unicode, version: 3 }, 'values round-trip byte for byte');
  assert.equal((await get(key)).json.value, unicode);
  assert.deepEqual((await put(key, '')).json, { key, value: '', version: 4 }, 'an empty string is a value');
  const removed = await del(key);
  assert.equal(removed.status, 204);
  assert.equal((await get(key)).status, 404, 'a deleted key is gone');
  assert.equal((await del(key)).status, 404, 'deleting a missing key is 404');
  assert.deepEqual((await put(key, 'again')).json, { key, value: 'again', version: 1 }, 'a key written after its delete starts at version 1');
  const odd = 'a.b_c:d-E9';
  assert.equal((await put(odd, 'x')).status, 200, 'every allowed key character is accepted');
  await del(odd);
});

test('kv: rejects invalid keys and bodies with 400 and stores nothing', async () => {
  const key = uniqueKey('bad');
  await mustPut(key, 'kept');
  const badBodies = [
    { rawBody: '{"value": "x"' },
    { rawBody: '"just a string"' },
    { rawBody: '[]' },
    { body: {} },
    { body: { value: 42 } },
    { body: { value: null } },
    { body: { value: ['x'] } },
    { body: { value: 'x'.repeat(65537) } },
    { body: { value: 'x', ifVersion: -1 } },
    { body: { value: 'x', ifVersion: 1.5 } },
    { body: { value: 'x', ifVersion: '1' } },
  ];
  for (const bad of badBodies) {
    const res = await api(`/kv/${key}`, { method: 'PUT', ...bad });
    assert.equal(res.status, 400, `PUT with ${JSON.stringify(bad).slice(0, 80)} answers 400`);
    assert.equal(typeof res.json?.error, 'string', 'error bodies carry an error code');
  }
  assert.deepEqual((await get(key)).json, { key, value: 'kept', version: 1 }, 'rejected writes change nothing');
  assert.equal((await put(key, 'x'.repeat(65536))).status, 200, 'a value of exactly 65536 characters is accepted');
  for (const badKey of ['has%20space', 'k'.repeat(129), 'caf%C3%A9', 'star*']) {
    const res = await put(badKey, 'v');
    assert.equal(res.status, 400, `key ${badKey.slice(0, 20)} is rejected`);
    assert.equal((await get(badKey)).status === 200, false, `key ${badKey.slice(0, 20)} was not stored`);
  }
  // An encoded slash may be routed as a path separator (404) or rejected as a key (400); never stored.
  assert.ok([400, 404].includes((await put('slash%2Fkey', 'v')).status), 'a key with a slash is refused');
  assert.notEqual((await get('slash%2Fkey')).status, 200);
  assert.equal((await put('k'.repeat(128), 'v')).status, 200, 'a 128-character key is accepted');
});

test('kv: compare-and-set lets exactly one of many concurrent writers win', async () => {
  const keys = Array.from({ length: 10 }, () => uniqueKey('cas'));
  await Promise.all(keys.map((k) => mustPut(k, 'start')));
  const results = await Promise.all(keys.flatMap((k) => Array.from({ length: 12 }, (_, i) => put(k, `writer-${i}`, { ifVersion: 1 }).then((r) => ({ k, r })))));
  for (const key of keys) {
    const mine = results.filter((x) => x.k === key).map((x) => x.r);
    const winners = mine.filter((r) => r.status === 200);
    assert.equal(winners.length, 1, `exactly one conditional write wins on ${key}`);
    assert.equal(mine.filter((r) => r.status === 409).length, 11, 'the others answer 409');
    assert.deepEqual((await get(key)).json, { key, value: winners[0].json.value, version: 2 });
  }
  const loser = results.find((x) => x.r.status === 409).r;
  assert.equal(loser.json.currentVersion, 2, 'a 409 names the current version');

  const fresh = uniqueKey('create');
  const creates = await Promise.all(Array.from({ length: 12 }, (_, i) => put(fresh, `c${i}`, { ifVersion: 0 })));
  assert.equal(creates.filter((r) => r.status === 200).length, 1, 'ifVersion 0 creates the key only if it is absent');
  assert.equal((await put(keys[0], 'stale', { ifVersion: 0 })).status, 409, 'ifVersion 0 on an existing key is a conflict');
  assert.equal((await put(uniqueKey('none'), 'x', { ifVersion: 3 })).status, 409, 'ifVersion on a missing key is a conflict');
});

test('kv: concurrent unconditional writes each get their own version', async () => {
  const keys = Array.from({ length: 4 }, () => uniqueKey('race'));
  const results = await Promise.all(keys.flatMap((k) => Array.from({ length: 15 }, (_, i) => put(k, `v${i}`).then((r) => ({ k, r })))));
  for (const key of keys) {
    const mine = results.filter((x) => x.k === key).map((x) => x.r);
    assert.ok(mine.every((r) => r.status === 200), 'every write succeeds');
    const versions = mine.map((r) => r.json.version).sort((a, b) => a - b);
    assert.deepEqual(versions, Array.from({ length: 15 }, (_, i) => i + 1), `versions 1..15 each handed out once on ${key}`);
    const final = (await get(key)).json;
    assert.equal(final.version, 15);
    assert.equal(final.value, mine.find((r) => r.json.version === 15).json.value, 'the value is the one written last');
  }
});
