import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, createLink, uniqueAlias, uniqueUrl } from './http.mjs';

test('redirect: preserves the full target URL including path and query', async () => {
  const url = 'https://example.com/a/b%20c/d?x=1&y=%C3%A9&z=a+b';
  const { code } = await createLink({ url });
  const res = await api(`/${code}`);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), url);
});

test('redirect: answers 410 once a link has expired and does not count the click', async () => {
  // The only sleep in this suite: expiry has to be observed passing. 2 s leaves room for a slow machine.
  const expiresAt = new Date(Date.now() + 2000);
  const { code } = await createLink({ url: uniqueUrl(), expiresAt: expiresAt.toISOString() });
  assert.equal((await api(`/${code}`)).status, 302, 'redirects before expiry');
  await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 300);
  const res = await api(`/${code}`);
  assert.equal(res.status, 410);
  assert.equal(typeof res.json?.error, 'string');
  const stats = await api(`/links/${code}`);
  assert.equal(stats.status, 200, 'statistics stay available after expiry');
  assert.equal(stats.json.clicks, 1);
});

test('redirect: unknown codes answer 404 with a JSON error', async () => {
  const res = await api(`/${uniqueAlias('nope')}`);
  assert.equal(res.status, 404);
  assert.equal(typeof res.json?.error, 'string');
});

test('stats: a new link has zero clicks and null lastAccessedAt', async () => {
  const { code } = await createLink({ url: uniqueUrl() });
  const res = await api(`/links/${code}`);
  assert.equal(res.status, 200);
  assert.equal(res.json.clicks, 0);
  assert.equal(res.json.lastAccessedAt, null);
  assert.equal(res.json.expiresAt, null);
});

test('stats: unknown codes answer 404', async () => {
  const res = await api(`/links/${uniqueAlias('nope')}`);
  assert.equal(res.status, 404);
  assert.equal(typeof res.json?.error, 'string');
});

test('stats: every redirect is counted under concurrent load', async () => {
  // Several links hit at once, so a lost update shows up on some link in every run, not in some runs only.
  const links = await Promise.all(Array.from({ length: 4 }, () => createLink({ url: uniqueUrl() })));
  const results = await Promise.all(links.flatMap(({ code }) => Array.from({ length: 30 }, () => api(`/${code}`))));
  assert.ok(results.every((r) => r.status === 302));
  for (const { code } of links) {
    const stats = await api(`/links/${code}`);
    assert.equal(stats.json.clicks, 30, `clicks of ${code}`);
  }
});

test('stats: lastAccessedAt moves forward with each redirect', async () => {
  const { code } = await createLink({ url: uniqueUrl() });
  await api(`/${code}`);
  const first = Date.parse((await api(`/links/${code}`)).json.lastAccessedAt);
  await sleep(20);
  await api(`/${code}`);
  const second = Date.parse((await api(`/links/${code}`)).json.lastAccessedAt);
  assert.ok(Number.isFinite(first) && second > first, `expected ${second} > ${first}`);
});

test('stats: counting clicks on one link does not affect another', async () => {
  const a = await createLink({ url: uniqueUrl() });
  const b = await createLink({ url: uniqueUrl() });
  await api(`/${a.code}`);
  assert.equal((await api(`/links/${b.code}`)).json.clicks, 0);
});
