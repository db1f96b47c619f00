import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, createLink, uniqueAlias, uniqueUrl } from './http.mjs';

test('GET /health answers 200', async () => {
  const res = await api('/health');
  assert.equal(res.status, 200);
});

test('POST /links creates a short link with a generated code', async () => {
  const url = uniqueUrl();
  const res = await api('/links', { method: 'POST', body: { url } });
  assert.equal(res.status, 201, res.text);
  assert.match(res.json.code, /^[A-Za-z0-9_-]{4,32}$/);
  assert.equal(res.json.url, url);
  assert.equal(res.json.expiresAt, null);
  assert.ok(!Number.isNaN(Date.parse(res.json.createdAt)), 'createdAt is an ISO 8601 timestamp');
});

test('POST /links accepts a custom alias', async () => {
  const alias = uniqueAlias('my');
  const res = await api('/links', { method: 'POST', body: { url: uniqueUrl(), alias } });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.json.code, alias);
});

test('GET /:code redirects with 302 and a Location header', async () => {
  const url = uniqueUrl();
  const { code } = await createLink({ url });
  const res = await api(`/${code}`);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), url);
});

test('GET /:code answers 404 for an unknown code', async () => {
  const res = await api(`/${uniqueAlias('missing')}`);
  assert.equal(res.status, 404);
});

test('POST /links rejects an invalid URL with 400', async () => {
  const res = await api('/links', { method: 'POST', body: { url: 'not a url' } });
  assert.equal(res.status, 400);
  assert.equal(typeof res.json?.error, 'string', 'error body is JSON with an "error" field');
});

test('GET /links/:code returns the click count and last access time', async () => {
  const { code } = await createLink({ url: uniqueUrl() });
  const before = Date.now();
  await api(`/${code}`);
  await api(`/${code}`);
  const res = await api(`/links/${code}`);
  assert.equal(res.status, 200);
  assert.equal(res.json.code, code);
  assert.equal(res.json.clicks, 2);
  assert.ok(Date.parse(res.json.lastAccessedAt) >= before - 1000, 'lastAccessedAt is the time of the last redirect');
});
