import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { getProduct, mustOrder, newProduct, placeOrder, putProduct, unique } from './http.mjs';
import { closeDb, storedStock } from './db.mjs';

after(closeDb);

/** Reads the product twice so the second read can come from the cache; returns the second response. */
async function readTwice(sku) {
  await getProduct(sku);
  return getProduct(sku);
}

test('cache: a repeated read of an unchanged product is served from Redis (X-Cache: hit)', async () => {
  const sku = await newProduct(4);
  const res = await readTwice(sku);
  assert.equal(res.status, 200);
  assert.equal(res.json.stock, 4);
  assert.equal(res.headers['x-cache'], 'hit', 'the second of two reads in a row is a cache hit');
});

test('cache: a read after an order, a restock or a refused order never shows stale stock', async () => {
  // The scarce SKU sorts (and is listed) last, so an order for both takes `sku` before it is refused.
  const sku = await newProduct(6, 300, 'a');
  const scarce = await newProduct(0, 250, 'b');
  const customerId = unique('cust');
  assert.equal((await readTwice(sku)).json.stock, 6);

  await mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 2 }] });
  assert.equal((await getProduct(sku)).json.stock, 4, 'after an order');
  assert.equal((await readTwice(sku)).json.stock, 4);

  assert.equal((await putProduct(sku, { name: 'renamed', priceCents: 310, stock: 9 })).status, 200);
  const restocked = await getProduct(sku);
  assert.deepEqual(restocked.json, { sku, name: 'renamed', priceCents: 310, stock: 9 }, 'after a restock');
  assert.equal((await readTwice(sku)).json.stock, 9);

  // Refused as a whole: the first item was available, the second not. Nothing may show the first one taken.
  const refused = await placeOrder(unique('key'), { customerId, items: [{ sku, quantity: 3 }, { sku: scarce, quantity: 1 }] });
  assert.equal(refused.status, 409, refused.text);
  assert.equal((await getProduct(sku)).json.stock, 9, 'after a refused order');
  assert.equal((await readTwice(sku)).json.stock, 9);
});

test('cache: reads during a burst of orders settle on the stored stock', async () => {
  const sku = await newProduct(40);
  const customerId = unique('cust');
  let ordering = true;
  const readers = Array.from({ length: 4 }, async () => {
    while (ordering) {
      const res = await getProduct(sku);
      assert.ok(res.json.stock >= 0, 'stock is never shown negative');
    }
  });
  try {
    await Promise.all(Array.from({ length: 30 }, () => mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }] })));
  } finally {
    ordering = false;
    await Promise.all(readers);
  }
  assert.equal(await storedStock(sku), 10);
  assert.equal((await readTwice(sku)).json.stock, 10, 'the cache agrees with the database once the orders are done');
});
