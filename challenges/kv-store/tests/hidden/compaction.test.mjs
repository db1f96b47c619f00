import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, crashAndRestart, dataDirBytes, del, get, mustPut, pool, put, uniqueKey } from './http.mjs';

test('compaction: keeps the latest value and version of every key and forgets deleted keys', async () => {
  const keys = Array.from({ length: 30 }, () => uniqueKey('compact'));
  for (const key of keys) await mustPut(key, `first ${key}`);
  for (const key of keys.slice(0, 10)) await mustPut(key, `second ${key}`);
  for (const key of keys.slice(20)) assert.equal((await del(key)).status, 204);
  const expected = (key, i) => (i >= 20 ? undefined : i < 10 ? { key, value: `second ${key}`, version: 2 } : { key, value: `first ${key}`, version: 1 });
  const check = async (when) => {
    for (const [i, key] of keys.entries()) {
      const res = await get(key);
      if (expected(key, i)) assert.deepEqual(res.json, expected(key, i), `${key} ${when}`);
      else assert.equal(res.status, 404, `deleted ${key} stays deleted ${when}`);
    }
  };
  const compacted = await api('/admin/compact', { method: 'POST' });
  assert.equal(compacted.status, 200, 'POST /admin/compact answers 200');
  await check('after compaction');
  await crashAndRestart();
  await check('after compaction and a kill -9');

  // Writes after a compaction land in the new log and win over the snapshot on replay.
  await mustPut(keys[0], 'after compaction');
  assert.equal((await del(keys[1])).status, 204);
  await crashAndRestart();
  assert.deepEqual((await get(keys[0])).json, { key: keys[0], value: 'after compaction', version: 3 });
  assert.equal((await get(keys[1])).status, 404, 'a delete after compaction survives the replay');
});

test('compaction: the data directory stays bounded under many overwrites', async () => {
  const keys = Array.from({ length: 20 }, () => uniqueKey('bounded'));
  const writes = Array.from({ length: 3000 }, (_, i) => ({ key: keys[i % keys.length], i }));
  const last = new Map();
  let peak = 0;
  await pool(writes, 8, async ({ key, i }) => {
    const value = `${i}:`.padEnd(2048, 'v');
    const res = await put(key, value);
    assert.equal(res.status, 200);
    if (res.json.version > (last.get(key)?.version ?? 0)) last.set(key, { value, version: res.json.version });
    if (i % 250 === 0) peak = Math.max(peak, await dataDirBytes());
  });
  peak = Math.max(peak, await dataDirBytes());
  // About 6 MiB went through the log for 40 KiB of live data; the prompt allows at most 4 MiB on disk.
  assert.ok(peak <= 4 * 1024 * 1024, `DATA_DIR held ${peak} bytes after 6 MiB of overwrites of 40 KiB of live data`);
  await crashAndRestart();
  for (const key of keys) {
    const res = await get(key);
    assert.equal(res.json?.version, 150, `${key} has had 150 writes`);
    assert.equal(res.json?.value, last.get(key).value, `${key} holds its last written value`);
  }
});
