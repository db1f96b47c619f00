import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregates, api, ingest, iso, normalise, toNdjson, uid, uniqueDay } from './http.mjs';

const DAY = 24 * 3600_000;
const ok = (extra = {}) => ({ id: uid(), type: 'ok', timestamp: iso(uniqueDay()), ...extra });

test('ingest: blank lines are skipped but still counted in line numbers', async () => {
  const body = `${JSON.stringify(ok())}\n\n   \n{oops}\n${JSON.stringify(ok())}\n`;
  const result = await ingest(body);
  assert.equal(result.accepted, 2);
  assert.equal(result.rejected, 1);
  assert.deepEqual(result.errors.map((e) => e.line), [4]);
});

test('ingest: rejects missing or invalid id, type and timestamp with a reason per line', async () => {
  const lines = [
    ok(), // 1
    { type: 'x', timestamp: iso(uniqueDay()) }, // 2: no id
    { id: '', type: 'x', timestamp: iso(uniqueDay()) }, // 3: empty id
    { id: 42, type: 'x', timestamp: iso(uniqueDay()) }, // 4: numeric id
    { id: uid(), timestamp: iso(uniqueDay()) }, // 5: no type
    { id: uid(), type: 'x' }, // 6: no timestamp
    { id: uid(), type: 'x', timestamp: 'yesterday' }, // 7: not a timestamp
    { id: uid(), type: 'x', timestamp: '2024-02-30T10:00:00Z' }, // 8: impossible date
    ok(), // 9
  ];
  const result = await ingest(toNdjson(lines));
  assert.equal(result.accepted, 2);
  assert.equal(result.rejected, 7);
  assert.deepEqual(result.errors.map((e) => e.line), [2, 3, 4, 5, 6, 7, 8]);
  assert.ok(result.errors.every((e) => typeof e.reason === 'string' && e.reason.length > 0));
});

test('ingest: rejects a timestamp without a timezone', async () => {
  const result = await ingest([{ id: uid(), type: 'x', timestamp: '2024-05-01T10:00:00' }]);
  assert.equal(result.rejected, 1);
  assert.deepEqual(result.errors.map((e) => e.line), [1]);
});

test('ingest: rejects a value that is not a number', async () => {
  const result = await ingest([ok({ value: '12' }), ok({ value: null }), ok({ value: 0 }), ok({ value: -2.5 })]);
  assert.equal(result.accepted, 2);
  assert.deepEqual(result.errors.map((e) => e.line), [1, 2]);
});

test('ingest: rejects JSON lines that are not objects', async () => {
  const result = await ingest(toNdjson(['[1,2]', '"text"', 'null', '42', ok()]));
  assert.equal(result.accepted, 1);
  assert.deepEqual(result.errors.map((e) => e.line), [1, 2, 3, 4]);
});

test('ingest: accepts CRLF line endings and a last line without a newline', async () => {
  const body = `${JSON.stringify(ok())}\r\n${JSON.stringify(ok())}\r\n${JSON.stringify(ok())}`;
  const result = await ingest(body);
  assert.deepEqual(result, { accepted: 3, duplicates: 0, rejected: 0, errors: [] });
});

test('ingest: a body without any event lines is rejected with 400', async () => {
  const res = await api('/events', { method: 'POST', ndjson: '\n  \n' });
  assert.equal(res.status, 400);
  assert.equal(typeof res.json?.error, 'string');
});

test('ingest: a duplicate id inside one batch is stored once and the first occurrence wins', async () => {
  const id = uid();
  const result = await ingest([
    { id, type: 'first', timestamp: iso(uniqueDay()), value: 1 },
    { id, type: 'second', timestamp: iso(uniqueDay()), value: 2 },
  ]);
  assert.deepEqual(result, { accepted: 1, duplicates: 1, rejected: 0, errors: [] });
  assert.equal((await api(`/events/${id}`)).json.type, 'first');
});

test('ingest: re-sending an id with different content keeps the original event', async () => {
  const id = uid();
  await ingest([{ id, type: 'original', timestamp: iso(uniqueDay()), value: 1 }]);
  const result = await ingest([{ id, type: 'changed', timestamp: iso(uniqueDay()), value: 99 }]);
  assert.equal(result.duplicates, 1);
  const stored = (await api(`/events/${id}`)).json;
  assert.equal(stored.type, 'original');
  assert.equal(stored.value, 1);
});

test('ingest: GET /events/:id returns the event in UTC, with value null when it was sent without one', async () => {
  const day = uniqueDay();
  const id = uid();
  await ingest([{ id, type: 'no-value', timestamp: new Date(day + 3_600_000).toISOString().replace('Z', '+02:00') }]);
  const res = await api(`/events/${id}`);
  assert.equal(res.status, 200);
  assert.equal(res.json.value, null);
  assert.equal(res.json.timestamp, new Date(day + 3_600_000 - 2 * 3_600_000).toISOString());
});

test('ingest: GET /events/:id answers 404 for an unknown id', async () => {
  const res = await api(`/events/${uid('missing')}`);
  assert.equal(res.status, 404);
  assert.equal(typeof res.json?.error, 'string');
});

test('ingest: a batch of 5000 events is accepted in full', async () => {
  const day = uniqueDay();
  const type = uid('bulk');
  const events = Array.from({ length: 5000 }, (_, i) => ({ id: uid(), type, timestamp: iso(day + i * 1000), value: 1 }));
  const result = await ingest(events);
  assert.equal(result.accepted, 5000);
  const res = await aggregates({ window: 'day', from: iso(day), to: iso(day + DAY), type });
  assert.deepEqual(normalise(res.json.buckets), [{ start: day, type, count: 5000, sum: 5000 }]);
});

test('ingest: concurrent batches with overlapping ids store each id exactly once', async () => {
  // Several contests at once, so a check-then-insert race shows up in every run, not in some runs only.
  const day = uniqueDay();
  const type = uid('race');
  const groups = Array.from({ length: 5 }, () => Array.from({ length: 100 }, () => uid()));
  const batches = groups.map((ids, g) => ids.map((id, i) => ({ id, type, timestamp: iso(day + g * 100_000 + i * 1000), value: 1 })));
  const results = await Promise.all(batches.flatMap((batch) => Array.from({ length: 8 }, () => ingest(batch))));
  assert.equal(results.reduce((n, r) => n + r.accepted, 0), 500, 'each id is accepted by exactly one batch');
  assert.equal(results.reduce((n, r) => n + r.duplicates, 0), 3500);
  const res = await aggregates({ window: 'day', from: iso(day), to: iso(day + DAY), type });
  assert.equal(res.json.buckets[0].count, 500);
});
