import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, burst, configure, hit, NO_REFILL, uniqueKey } from './http.mjs';

test('limit: unconfigured keys get the default limit of 10 requests', async () => {
  // Default refill is 1/s, so a slow machine may legitimately admit one extra request during the burst.
  const { admitted } = await burst(uniqueKey('default'), 15);
  assert.ok(admitted === 10 || admitted === 11, `admitted ${admitted}`);
});

test('limit: admitted responses report X-RateLimit-Limit and X-RateLimit-Remaining', async () => {
  const key = uniqueKey();
  await configure(key, 4, NO_REFILL);
  const remaining = [];
  for (let i = 0; i < 4; i++) {
    const res = await hit(key);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-ratelimit-limit'), '4');
    remaining.push(Number(res.headers.get('x-ratelimit-remaining')));
  }
  assert.deepEqual(remaining, [3, 2, 1, 0]);
  const rejected = await hit(key);
  assert.equal(rejected.headers.get('x-ratelimit-remaining'), '0');
});

test('limit: keys are isolated from each other', async () => {
  const a = uniqueKey('a');
  const b = uniqueKey('b');
  await configure(a, 2, NO_REFILL);
  await configure(b, 2, NO_REFILL);
  await hit(a);
  await hit(a);
  assert.equal((await hit(a)).status, 429);
  assert.equal((await hit(b)).status, 200, 'draining one key leaves another untouched');
});

test('limit: rejected requests do not consume tokens', async () => {
  const key = uniqueKey();
  // One token every 2 s: the ten rejections must all land before it, even on a slow, busy machine (at 2 per
  // second a threaded server under load let a token refill mid-loop and the reference itself failed).
  await configure(key, 1, 0.5);
  assert.equal((await hit(key)).status, 200);
  for (let i = 0; i < 10; i++) assert.equal((await hit(key)).status, 429);
  await sleep(2500); // one token needs 2 s; ample margin
  assert.equal((await hit(key)).status, 200, 'the ten rejected requests did not push the bucket into debt');
});

test('concurrency: a burst of 60 simultaneous requests admits exactly the capacity', async () => {
  const key = uniqueKey();
  await configure(key, 25, NO_REFILL);
  const { admitted, rejected } = await burst(key, 60);
  assert.equal(admitted, 25);
  assert.equal(rejected, 35);
});

test('concurrency: simultaneous bursts on several keys are limited independently', async () => {
  // Several keys at once, so an over-admitting race shows up on some key in every run, not in some runs only;
  // 4 x 30 requests stay under a listen backlog of 128, which a plain threaded server (Python's) may have.
  const keys = Array.from({ length: 4 }, (_, i) => uniqueKey(`k${i}`));
  await Promise.all(keys.map((k, i) => configure(k, 5 + i * 5, NO_REFILL)));
  const outcomes = await Promise.all(keys.map((k) => burst(k, 30)));
  assert.deepEqual(outcomes.map((o) => o.admitted), [5, 10, 15, 20]);
});

test('retry-after: reflects the time until the next token for slow refill rates', async () => {
  const key = uniqueKey();
  await configure(key, 1, 0.2);
  await hit(key);
  const res = await hit(key);
  assert.equal(res.status, 429);
  const retryAfter = Number(res.headers.get('retry-after'));
  // One token at 0.2/s takes 5 s; a second of slack covers time spent between the two requests.
  assert.ok(retryAfter >= 4 && retryAfter <= 5, `Retry-After ${retryAfter}`);
  assert.equal(res.json?.retryAfterSeconds, retryAfter, 'the body repeats the header value');
});

test('retry-after: is rounded up to whole seconds', async () => {
  const key = uniqueKey();
  await configure(key, 1, 0.4);
  await hit(key);
  const res = await hit(key);
  assert.equal(res.status, 429);
  // One token at 0.4/s takes 2.5 s; only more than a second between the two requests could make this 2.
  assert.equal(res.headers.get('retry-after'), '3');
  assert.equal(res.json?.retryAfterSeconds, 3);
});

test('retry-after: waiting Retry-After seconds is enough to be admitted again', async () => {
  const key = uniqueKey();
  await configure(key, 1, 1);
  await hit(key);
  const res = await hit(key);
  const retryAfter = Number(res.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
  await sleep(retryAfter * 1000 + 50);
  assert.equal((await hit(key)).status, 200);
});

test('refill: tokens never accumulate beyond capacity', async () => {
  const key = uniqueKey();
  await configure(key, 3, 5);
  assert.equal((await hit(key)).status, 200); // the bucket exists from here on, holding 2 tokens
  await sleep(2000); // an uncapped bucket would now hold 12 tokens
  const { admitted } = await burst(key, 10);
  // 3 are in the bucket; one more may refill (200 ms per token) while a slow machine sends the burst.
  assert.ok(admitted >= 3 && admitted <= 4, `admitted ${admitted}`);
});
