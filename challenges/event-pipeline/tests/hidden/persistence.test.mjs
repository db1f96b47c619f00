import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregates, api, CONTROL_URL, ingest, iso, normalise, uid, uniqueDay } from './http.mjs';

test('persistence: ingested events and their ids survive a restart', async () => {
  assert.ok(CONTROL_URL, 'CONTROL_URL must point at the run supervisor for this test');
  const day = uniqueDay();
  const type = uid('durable');
  const batch = [1, 2, 3].map((i) => ({ id: uid(), type, timestamp: iso(day + i), value: i }));
  await ingest(batch);

  const restart = await fetch(`${CONTROL_URL}/restart`, { method: 'POST' });
  assert.equal(restart.status, 200, 'the service came back after the restart');

  assert.equal((await api(`/events/${batch[0].id}`)).status, 200);
  const again = await ingest(batch);
  assert.equal(again.duplicates, 3, 'ids seen before the restart are still de-duplicated');
  const res = await aggregates({ window: 'day', from: iso(day), to: iso(day + 86_400_000), type });
  assert.deepEqual(normalise(res.json.buckets), [{ start: day, type, count: 3, sum: 6 }]);
});
