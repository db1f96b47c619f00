import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, createLink, uniqueAlias, uniqueUrl } from './http.mjs';

function assertJsonError(res, status) {
  assert.equal(res.status, status, res.text);
  assert.equal(typeof res.json?.error, 'string', 'error body is JSON with an "error" field');
}

test('create: generated codes are unique across many concurrent creations', async () => {
  const results = await Promise.all(Array.from({ length: 40 }, () => createLink({ url: uniqueUrl() })));
  const codes = new Set(results.map((r) => r.code));
  assert.equal(codes.size, 40);
});

test('create: the same URL submitted twice gets two different codes', async () => {
  const url = uniqueUrl();
  const a = await createLink({ url });
  const b = await createLink({ url });
  assert.notEqual(a.code, b.code);
});

test('create: rejects URLs that are not absolute http or https with 400', async () => {
  for (const url of ['javascript:alert(1)', 'ftp://example.com/file', '/relative/path', 'http://', 'example.com', '']) {
    const res = await api('/links', { method: 'POST', body: { url } });
    assertJsonError(res, 400);
  }
});

test('create: rejects a missing or non-string url and a malformed body with 400', async () => {
  assertJsonError(await api('/links', { method: 'POST', body: {} }), 400);
  assertJsonError(await api('/links', { method: 'POST', body: { url: 42 } }), 400);
  assertJsonError(await api('/links', { method: 'POST', body: [uniqueUrl()] }), 400);
  assertJsonError(await api('/links', { method: 'POST', rawBody: '{"url": "https://example.com"' }), 400);
});

test('create: rejects an alias with invalid characters or length with 400', async () => {
  for (const alias of ['ab', 'has space', 'slash/inside', 'x'.repeat(33), 'ünïcode', 123]) {
    const res = await api('/links', { method: 'POST', body: { url: uniqueUrl(), alias } });
    assertJsonError(res, 400);
  }
});

test('create: answers 409 when the alias is already taken', async () => {
  const alias = uniqueAlias('dup');
  await createLink({ url: uniqueUrl(), alias });
  const res = await api('/links', { method: 'POST', body: { url: uniqueUrl(), alias } });
  assertJsonError(res, 409);
});

test('create: reserved aliases health and links are rejected with 409', async () => {
  for (const alias of ['health', 'links']) {
    assertJsonError(await api('/links', { method: 'POST', body: { url: uniqueUrl(), alias } }), 409);
  }
});

test('create: exactly one of many concurrent requests for the same alias wins', async () => {
  // Many contests at once: a check-then-write race shows up on some alias in every run, not in some runs only.
  // 120 requests in flight: within the listen backlog a service may reasonably have (the starters use 128).
  const contests = Array.from({ length: 10 }, () => ({ alias: uniqueAlias('race'), targets: Array.from({ length: 12 }, () => uniqueUrl()) }));
  const requests = contests.flatMap(({ alias, targets }) => targets.map((url) => ({ alias, url })));
  const results = await Promise.all(requests.map((body) => api('/links', { method: 'POST', body })));
  for (const { alias } of contests) {
    const mine = results.filter((_, i) => requests[i].alias === alias);
    assert.deepEqual(mine.map((r) => r.status).sort(), [201, ...Array(11).fill(409)], `alias ${alias}`);
    const winner = mine.find((r) => r.status === 201).json.url;
    const redirect = await api(`/${alias}`);
    assert.equal(redirect.headers.get('location'), winner, 'the alias points at the request that got 201');
  }
});

test('create: rejects expiresAt that is not a timestamp or is in the past with 400', async () => {
  for (const expiresAt of ['tomorrow', '2020-01-01T00:00:00Z', 1700000000]) {
    assertJsonError(await api('/links', { method: 'POST', body: { url: uniqueUrl(), expiresAt } }), 400);
  }
});

test('create: accepts a future expiresAt and returns it', async () => {
  const expiresAt = new Date(Date.now() + 3600_000).toISOString();
  const link = await createLink({ url: uniqueUrl(), expiresAt });
  assert.equal(Date.parse(link.expiresAt), Date.parse(expiresAt));
});
