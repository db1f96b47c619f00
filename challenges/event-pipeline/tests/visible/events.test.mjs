import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregates, api, ingest, iso, normalise, toNdjson, uid, uniqueDay } from './http.mjs';

const HOUR = 3600_000;

test('GET /health answers 200', async () => {
  assert.equal((await api('/health')).status, 200);
});

test('POST /events accepts a batch of valid NDJSON events', async () => {
  const day = uniqueDay();
  const type = uid('signup');
  const result = await ingest([
    { id: uid(), type, timestamp: iso(day + 1000), value: 3 },
    { id: uid(), type, timestamp: iso(day + 2000) },
  ]);
  assert.deepEqual(result, { accepted: 2, duplicates: 0, rejected: 0, errors: [] });
});

test('POST /events reports malformed lines with their line number', async () => {
  const result = await ingest(
    toNdjson([{ id: uid(), type: 'ok', timestamp: iso(uniqueDay()) }, '{"id": "broken"', { id: uid(), type: 'ok' }]),
  );
  assert.equal(result.accepted, 1);
  assert.equal(result.rejected, 2);
  assert.deepEqual(result.errors.map((e) => e.line), [2, 3]);
  assert.ok(result.errors.every((e) => typeof e.reason === 'string' && e.reason.length > 0), 'each error has a reason');
});

test('re-ingesting the same batch is idempotent', async () => {
  const day = uniqueDay();
  const type = uid('click');
  const batch = [1, 2, 3].map((i) => ({ id: uid(), type, timestamp: iso(day + i * 1000), value: i }));
  await ingest(batch);
  const again = await ingest(batch);
  assert.deepEqual(again, { accepted: 0, duplicates: 3, rejected: 0, errors: [] });
  const res = await aggregates({ window: 'day', from: iso(day), to: iso(day + 24 * HOUR), type });
  assert.deepEqual(normalise(res.json.buckets), [{ start: day, type, count: 3, sum: 6 }]);
});

test('GET /aggregates counts events per hour and type', async () => {
  const day = uniqueDay();
  const type = uid('view');
  await ingest([
    { id: uid(), type, timestamp: iso(day + 5 * 60_000), value: 1 },
    { id: uid(), type, timestamp: iso(day + 59 * 60_000), value: 2 },
    { id: uid(), type, timestamp: iso(day + HOUR + 1), value: 4 },
  ]);
  const res = await aggregates({ window: 'hour', from: iso(day), to: iso(day + 24 * HOUR), type });
  assert.equal(res.status, 200);
  assert.deepEqual(normalise(res.json.buckets), [
    { start: day, type, count: 2, sum: 3 },
    { start: day + HOUR, type, count: 1, sum: 4 },
  ]);
});

test('GET /events/:id returns a stored event', async () => {
  const id = uid();
  const timestamp = iso(uniqueDay() + 42_000);
  await ingest([{ id, type: 'purchase', timestamp, value: 9.5 }]);
  const res = await api(`/events/${id}`);
  assert.equal(res.status, 200);
  assert.equal(res.json.id, id);
  assert.equal(res.json.type, 'purchase');
  assert.equal(Date.parse(res.json.timestamp), Date.parse(timestamp));
  assert.equal(res.json.value, 9.5);
});

test('GET /aggregates rejects an unknown window with 400', async () => {
  const day = uniqueDay();
  const res = await aggregates({ window: 'fortnight', from: iso(day), to: iso(day + HOUR) });
  assert.equal(res.status, 400);
  assert.equal(typeof res.json?.error, 'string', 'error body is JSON with an "error" field');
});
