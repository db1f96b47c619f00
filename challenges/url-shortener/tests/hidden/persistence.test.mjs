import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, CONTROL_URL, createLink, uniqueAlias, uniqueUrl } from './http.mjs';

test('persistence: links, aliases and click counts survive a restart', async () => {
  assert.ok(CONTROL_URL, 'CONTROL_URL must point at the run supervisor for this test');
  const generated = await createLink({ url: uniqueUrl() });
  const alias = uniqueAlias('keep');
  const aliased = await createLink({ url: uniqueUrl(), alias });
  await api(`/${generated.code}`);
  await api(`/${generated.code}`);
  await api(`/${alias}`);

  const restart = await fetch(`${CONTROL_URL}/restart`, { method: 'POST' });
  assert.equal(restart.status, 200, 'the service came back after the restart');

  const stats = await api(`/links/${generated.code}`);
  assert.equal(stats.status, 200);
  assert.equal(stats.json.clicks, 2);
  const redirect = await api(`/${alias}`);
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.get('location'), aliased.url);
  assert.equal((await api(`/links/${alias}`)).json.clicks, 2);
  const taken = await api('/links', { method: 'POST', body: { url: uniqueUrl(), alias } });
  assert.equal(taken.status, 409, 'the alias is still taken after the restart');
});
