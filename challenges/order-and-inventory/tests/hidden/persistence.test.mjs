import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { allPages, api, getProduct, mustOrder, newProduct, placeOrder, restartService, unique } from './http.mjs';
import { closeDb, storedStock } from './db.mjs';

after(closeDb);

test('persistence: products, orders, stock and idempotency keys survive restarts (graceful and kill -9)', async () => {
  const sku = await newProduct(10, 500);
  const customerId = unique('durable');
  const key = unique('key');
  const order = { customerId, items: [{ sku, quantity: 4 }] };
  const first = await mustOrder(key, order);
  const second = await mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }] });

  await restartService();
  assert.equal((await getProduct(sku)).json?.stock, 5, 'stock after a restart');
  assert.deepEqual((await api(`/orders/${encodeURIComponent(first.id)}`)).json, first);
  const retry = await placeOrder(key, order);
  assert.equal(retry.status, 201, retry.text);
  assert.deepEqual(retry.json, first, 'a retry after a restart answers the original order');

  await restartService({ kill: true });
  // Started twice more on the same database: the schema set-up at start must leave existing data alone.
  assert.equal(await storedStock(sku), 5);
  assert.equal((await getProduct(sku)).json?.stock, 5, 'stock after a kill -9');
  assert.deepEqual((await allPages(customerId, 10)).flat().map((o) => o.id), [second.id, first.id]);
  assert.equal((await placeOrder(key, order)).json?.id, first.id, 'idempotency keys survive a kill -9');
  assert.equal((await mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 5 }] })).totalCents, 2500, 'orders work after the restarts');
  assert.equal((await getProduct(sku)).json?.stock, 0);
});
