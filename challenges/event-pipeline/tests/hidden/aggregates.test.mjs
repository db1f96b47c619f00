import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregates, ingest, iso, normalise, uid, uniqueDay } from './http.mjs';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test('aggregates: minute, hour and day windows bucket on UTC boundaries', async () => {
  const day = uniqueDay();
  const type = uid('win');
  const at = [day + 10_000, day + 50_000, day + MIN + 1, day + 2 * HOUR + 30 * MIN, day + DAY + 5];
  await ingest(at.map((t) => ({ id: uid(), type, timestamp: iso(t), value: 1 })));
  const q = (window) => aggregates({ window, from: iso(day), to: iso(day + 2 * DAY), type });
  assert.deepEqual(normalise((await q('minute')).json.buckets).map((b) => [b.start - day, b.count]), [
    [0, 2],
    [MIN, 1],
    [2 * HOUR + 30 * MIN, 1],
    [DAY, 1],
  ]);
  assert.deepEqual(normalise((await q('hour')).json.buckets).map((b) => [b.start - day, b.count]), [
    [0, 3],
    [2 * HOUR, 1],
    [DAY, 1],
  ]);
  assert.deepEqual(normalise((await q('day')).json.buckets).map((b) => [b.start - day, b.count]), [
    [0, 4],
    [DAY, 1],
  ]);
});

test('aggregates: timestamps with offsets are normalised to UTC before bucketing', async () => {
  const day = uniqueDay();
  const type = uid('tz');
  const d = new Date(day).toISOString().slice(0, 10);
  // 12:30+02:00 is 10:30Z; 01:15+05:00 on the same date is 20:15Z the previous day.
  await ingest([
    { id: uid(), type, timestamp: `${d}T12:30:00+02:00` },
    { id: uid(), type, timestamp: `${d}T01:15:00+05:00` },
  ]);
  const res = await aggregates({ window: 'hour', from: iso(day - DAY), to: iso(day + DAY), type });
  assert.deepEqual(normalise(res.json.buckets).map((b) => b.start), [day - 4 * HOUR, day + 10 * HOUR]);
});

test('aggregates: from is inclusive and to is exclusive', async () => {
  const day = uniqueDay();
  const type = uid('edge');
  await ingest([
    { id: uid(), type, timestamp: iso(day) },
    { id: uid(), type, timestamp: iso(day + HOUR - 1) },
    { id: uid(), type, timestamp: iso(day + HOUR) },
  ]);
  const res = await aggregates({ window: 'hour', from: iso(day), to: iso(day + HOUR), type });
  assert.deepEqual(normalise(res.json.buckets), [{ start: day, type, count: 2, sum: 0 }]);
});

test('aggregates: sum adds values and counts an event without value as 0', async () => {
  const day = uniqueDay();
  const type = uid('sum');
  await ingest([
    { id: uid(), type, timestamp: iso(day + 1), value: 2.5 },
    { id: uid(), type, timestamp: iso(day + 2), value: -1 },
    { id: uid(), type, timestamp: iso(day + 3) },
  ]);
  const res = await aggregates({ window: 'day', from: iso(day), to: iso(day + DAY), type });
  assert.deepEqual(normalise(res.json.buckets), [{ start: day, type, count: 3, sum: 1.5 }]);
});

test('aggregates: without a type filter, buckets are split by type and sorted by start then type', async () => {
  const day = uniqueDay();
  await ingest([
    { id: uid(), type: 'zeta', timestamp: iso(day + 1) },
    { id: uid(), type: 'alpha', timestamp: iso(day + HOUR + 1) },
    { id: uid(), type: 'alpha', timestamp: iso(day + 2) },
    { id: uid(), type: 'zeta', timestamp: iso(day + 3) },
  ]);
  const res = await aggregates({ window: 'hour', from: iso(day), to: iso(day + DAY) });
  assert.equal(res.status, 200);
  assert.equal(res.json.window, 'hour');
  assert.deepEqual(normalise(res.json.buckets), [
    { start: day, type: 'alpha', count: 1, sum: 0 },
    { start: day, type: 'zeta', count: 2, sum: 0 },
    { start: day + HOUR, type: 'alpha', count: 1, sum: 0 },
  ]);
});

test('aggregates: an empty range returns no buckets', async () => {
  const day = uniqueDay();
  const res = await aggregates({ window: 'minute', from: iso(day), to: iso(day + HOUR), type: uid('none') });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json.buckets, []);
});

test('aggregates: rejects missing or invalid from and to, and from not before to, with 400', async () => {
  const day = uniqueDay();
  const cases = [
    { window: 'hour', to: iso(day + HOUR) },
    { window: 'hour', from: iso(day) },
    { window: 'hour', from: 'last week', to: iso(day + HOUR) },
    { window: 'hour', from: iso(day + HOUR), to: iso(day) },
    { window: 'hour', from: iso(day), to: iso(day) },
    { from: iso(day), to: iso(day + HOUR) },
  ];
  for (const params of cases) {
    const res = await aggregates(params);
    assert.equal(res.status, 400, JSON.stringify(params));
    assert.equal(typeof res.json?.error, 'string');
  }
});
