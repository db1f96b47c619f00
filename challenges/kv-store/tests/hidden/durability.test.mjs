import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashAndRestart, del, get, mustPut, put, uniqueKey } from './http.mjs';

test('durability: every acknowledged write survives a kill -9', async () => {
  const kept = uniqueKey('kept');
  const overwritten = uniqueKey('over');
  const deleted = uniqueKey('gone');
  await mustPut(kept, 'kept value');
  await mustPut(overwritten, 'old');
  await mustPut(overwritten, 'new');
  await mustPut(deleted, 'soon gone');
  assert.equal((await del(deleted)).status, 204);
  const last = uniqueKey('last');
  await mustPut(last, 'the very last write before the crash');

  await crashAndRestart();

  assert.deepEqual((await get(kept)).json, { key: kept, value: 'kept value', version: 1 });
  assert.deepEqual((await get(overwritten)).json, { key: overwritten, value: 'new', version: 2 });
  assert.equal((await get(deleted)).status, 404, 'a delete is as durable as a put');
  assert.deepEqual((await get(last)).json, { key: last, value: 'the very last write before the crash', version: 1 });
  assert.deepEqual((await put(overwritten, 'newer')).json, { key: overwritten, value: 'newer', version: 3 }, 'versions continue after recovery');
});

test('durability: acknowledged writes survive a kill -9 in the middle of concurrent writers', async () => {
  const acked = new Map();
  const prefix = uniqueKey('burst');
  let stop = false;
  const writers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; !stop; i += 1) {
      const key = `${prefix}-${w}-${i}`;
      const value = `writer ${w} record ${i} `.padEnd(200, 'x');
      let res;
      try {
        res = await put(key, value);
      } catch {
        return; // the connection died with the service: this write was never acknowledged
      }
      if (res.status !== 200) return;
      acked.set(key, value);
    }
  });
  const deadline = Date.now() + 15_000;
  while (acked.size < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const ackedBeforeCrash = acked.size;
  try {
    await crashAndRestart();
  } finally {
    stop = true; // a failed restart must not leave the writers running until the suite times out
    await Promise.all(writers);
  }
  assert.ok(ackedBeforeCrash >= 200, `only ${ackedBeforeCrash} writes were acknowledged before the crash`);
  const missing = [];
  for (const [key, value] of acked) {
    const res = await get(key);
    if (res.status !== 200 || res.json.value !== value) missing.push(key);
  }
  assert.deepEqual(missing.slice(0, 5), [], `${missing.length} of ${acked.size} acknowledged writes were lost`);
});

test('durability: a torn record at the end of wal.log is ignored and later writes are kept', async () => {
  const before = Array.from({ length: 20 }, () => uniqueKey('torn'));
  for (const key of before) await mustPut(key, `value of ${key}`);
  // Half-written bytes as a power cut leaves them: never a complete record, and no newline.
  const garbage = Buffer.concat([Buffer.from('{"op":"put","key":"torn-'), Buffer.from([0xff, 0x00, 0x13, 0x37, 0xc3]), Buffer.alloc(24, 0)]);
  const restart = await crashAndRestart(garbage);
  assert.equal(restart.appended, garbage.length, 'DATA_DIR/wal.log exists (the prompt names it)');
  for (const key of before) assert.equal((await get(key)).json?.value, `value of ${key}`, `${key} survived the torn tail`);

  const after = Array.from({ length: 20 }, () => uniqueKey('after'));
  for (const key of after) await mustPut(key, `written after recovery ${key}`);
  await crashAndRestart();
  for (const key of [...before, ...after]) {
    assert.equal((await get(key)).status, 200, `${key} survived a second crash after the torn-tail recovery`);
  }
});
