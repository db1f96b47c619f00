import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, mustOrder, newProduct, placeOrder, putProduct, stockOf, unique } from './http.mjs';
import { closeDb, storedOrdersWithKey, storedUnitsOrdered } from './db.mjs';

after(closeDb);

test('idempotency: a retry with the same key and body answers the first order again and charges once', async () => {
  const sku = await newProduct(10, 700);
  const key = unique('key');
  const order = { customerId: unique('cust'), items: [{ sku, quantity: 3 }] };
  const first = await mustOrder(key, order);
  // Same request, keys in another order: equal as JSON, so the same request.
  const retry = await placeOrder(key, { items: [{ quantity: 3, sku }], customerId: order.customerId });
  assert.equal(retry.status, 201, retry.text);
  assert.deepEqual(retry.json, first, 'the retry answers the very same order');
  assert.equal(await stockOf(sku), 7, 'stock was taken once');
  assert.equal(await storedOrdersWithKey(key), 1);
});

test('idempotency: the same key with a different body is refused with 422 and changes nothing', async () => {
  const sku = await newProduct(10);
  const key = unique('key');
  const customerId = unique('cust');
  const first = await mustOrder(key, { customerId, items: [{ sku, quantity: 1 }] });
  const other = await placeOrder(key, { customerId, items: [{ sku, quantity: 2 }] });
  assert.equal(other.status, 422, other.text);
  assert.equal(other.json?.error, 'idempotency_key_reused');
  assert.equal(await stockOf(sku), 9);
  assert.deepEqual((await placeOrder(key, { customerId, items: [{ sku, quantity: 1 }] })).json, first, 'the original request still replays');
});

test('idempotency: concurrent retries with one key create one order and take stock once', async () => {
  // Six keys with twelve retries each, all in flight at once: a check-then-insert race shows up on
  // some key in every run, however the requests happen to be scheduled.
  const contests = await Promise.all(Array.from({ length: 6 }, async () => ({
    sku: await newProduct(10, 999),
    key: unique('key'),
    customerId: unique('cust'),
  })));
  // Open the service's database connections first (a pool filling up one connection at a time would run the
  // first retries one after another), so the retries below really run side by side.
  await Promise.all(Array.from({ length: 24 }, () => api(`/orders?customerId=${contests[0].customerId}`)));
  const requests = [];
  // A key's retries are sent back to back (they arrive within a millisecond), the keys one after another.
  for (const c of contests) {
    for (let i = 0; i < 12; i += 1) requests.push(placeOrder(c.key, { customerId: c.customerId, items: [{ sku: c.sku, quantity: 2 }] }));
  }
  const results = await Promise.all(requests);
  for (const [n, c] of contests.entries()) {
    const mine = results.slice(n * 12, (n + 1) * 12);
    assert.deepEqual(mine.map((r) => r.status), Array(12).fill(201), mine.find((r) => r.status !== 201)?.text);
    const ids = new Set(mine.map((r) => r.json.id));
    assert.equal(ids.size, 1, `one order per key, not ${ids.size}`);
    for (const r of mine) assert.deepEqual(r.json, mine[0].json, 'every retry answers the same body');
    assert.equal(await stockOf(c.sku), 8, 'stock was taken once');
    assert.equal(await storedOrdersWithKey(c.key), 1, 'one order row holds the key');
    assert.equal(await storedUnitsOrdered(c.sku), 2);
  }
});

test('idempotency: a key whose first attempt was refused for lack of stock can be retried once restocked', async () => {
  const sku = await newProduct(1);
  const key = unique('key');
  const order = { customerId: unique('cust'), items: [{ sku, quantity: 2 }] };
  assert.equal((await placeOrder(key, order)).status, 409);
  assert.equal((await putProduct(sku, { name: 'restocked', priceCents: 250, stock: 5 })).status, 200);
  const retry = await placeOrder(key, order);
  assert.equal(retry.status, 201, retry.text);
  assert.equal(await stockOf(sku), 3);
});
