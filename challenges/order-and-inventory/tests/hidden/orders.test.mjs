import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, getProduct, mustOrder, newProduct, placeOrder, putProduct, stockOf, unique } from './http.mjs';
import { closeDb, negativeStockRows, storedOrdersWithKey, storedStock, storedUnitsOrdered } from './db.mjs';

after(closeDb);

test('orders: an order takes its items from stock and charges the listed prices', async () => {
  const mug = await newProduct(10, 1299);
  const tea = await newProduct(3, 450);
  const customerId = unique('cust');
  const res = await placeOrder(unique('key'), { customerId, items: [{ sku: mug, quantity: 2 }, { sku: tea, quantity: 3 }] });
  assert.equal(res.status, 201, res.text);
  assert.equal(typeof res.json.id, 'string');
  assert.equal(res.json.customerId, customerId);
  assert.deepEqual(res.json.items, [{ sku: mug, quantity: 2, unitPriceCents: 1299 }, { sku: tea, quantity: 3, unitPriceCents: 450 }]);
  assert.equal(res.json.totalCents, 2 * 1299 + 3 * 450);
  assert.ok(!Number.isNaN(Date.parse(res.json.createdAt)), 'createdAt is an ISO 8601 timestamp');
  assert.equal(await stockOf(mug), 8);
  assert.equal(await stockOf(tea), 0);
  assert.deepEqual((await api(`/orders/${encodeURIComponent(res.json.id)}`)).json, res.json, 'GET /orders/{id} answers the placed order');
});

test('orders: of 20 concurrent orders for 5 units exactly 5 succeed and stock never goes negative', async () => {
  // Four products raced at once (80 requests in flight), so an oversell race shows up in every run.
  const skus = await Promise.all(Array.from({ length: 4 }, () => newProduct(5)));
  const customerId = unique('rush');
  const requests = [];
  for (let i = 0; i < 20; i += 1) {
    for (const sku of skus) requests.push(placeOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }] }));
  }
  const results = await Promise.all(requests);
  for (const [n, sku] of skus.entries()) {
    const mine = results.filter((_, i) => i % skus.length === n);
    const statuses = mine.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(5).fill(201), ...Array(15).fill(409)], `statuses: ${statuses.join(' ')}`);
    for (const r of mine.filter((x) => x.status === 409)) assert.equal(r.json?.error, 'insufficient_stock');
    assert.equal(await stockOf(sku), 0, 'GET /products shows no stock left');
    assert.equal(await storedStock(sku), 0, 'products.stock is 0 in the database');
    assert.equal(await storedUnitsOrdered(sku), 5, 'order_items hold exactly the 5 units sold');
  }
  assert.equal(await negativeStockRows(), 0, 'no product has negative stock in the database');
});

test('orders: concurrent multi-item orders naming the same products in opposite order all succeed', async () => {
  const a = await newProduct(100);
  const b = await newProduct(100);
  const customerId = unique('pair');
  const results = await Promise.all(
    Array.from({ length: 16 }, (_, i) => {
      const items = [{ sku: a, quantity: 1 }, { sku: b, quantity: 2 }];
      return placeOrder(unique('key'), { customerId, items: i % 2 ? items.reverse() : items });
    }),
  );
  assert.deepEqual(results.map((r) => r.status), Array(16).fill(201), results.find((r) => r.status !== 201)?.text);
  assert.equal(await stockOf(a), 84);
  assert.equal(await stockOf(b), 68);
});

test('orders: an order that cannot be filled completely changes no stock and stores no order', async () => {
  // Whether stock is taken in request order or by SKU, the available item comes first and is taken before
  // the scarce one fails: only a rollback gives it back.
  const plenty = await newProduct(5, 250, 'a');
  const scarce = await newProduct(1, 250, 'b');
  const key = unique('key');
  const res = await placeOrder(key, { customerId: unique('cust'), items: [{ sku: plenty, quantity: 2 }, { sku: scarce, quantity: 2 }] });
  assert.equal(res.status, 409, res.text);
  assert.equal(res.json?.error, 'insufficient_stock');
  assert.equal(await stockOf(plenty), 5, 'the item that was available was not taken');
  assert.equal(await stockOf(scarce), 1);
  assert.equal(await storedStock(plenty), 5);
  assert.equal(await storedOrdersWithKey(key), 0, 'no order row for a refused order');
});

test('orders: rejects invalid orders with 400 or 422 and takes no stock', async () => {
  const sku = await newProduct(5);
  const customerId = unique('cust');
  const bad = [
    { customerId, items: [] },
    { customerId, items: [{ sku, quantity: 0 }] },
    { customerId, items: [{ sku, quantity: 1.5 }] },
    { customerId, items: [{ sku, quantity: '1' }] },
    { customerId, items: [{ sku, quantity: 1 }, { sku, quantity: 1 }] },
    { items: [{ sku, quantity: 1 }] },
    { customerId: 'has space', items: [{ sku, quantity: 1 }] },
  ];
  for (const body of bad) {
    const res = await placeOrder(unique('key'), body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} answered ${res.status}`);
    assert.equal(typeof res.json?.error, 'string', 'error bodies carry an error code');
  }
  assert.equal((await api('/orders', { method: 'POST', rawBody: '{"customerId":', headers: { 'idempotency-key': unique('key') } })).status, 400, 'malformed JSON');
  assert.equal((await api('/orders', { method: 'POST', body: { customerId, items: [{ sku, quantity: 1 }] } })).status, 400, 'missing Idempotency-Key');
  const unknown = await placeOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }, { sku: unique('nope'), quantity: 1 }] });
  assert.equal(unknown.status, 422, `an unknown SKU answered ${unknown.status}`);
  assert.equal(unknown.json?.error, 'unknown_product');
  assert.equal(await stockOf(sku), 5);
  assert.equal((await api(`/orders/${unique('none')}`)).status, 404);
});

test('products: rejects invalid products with 400 and answers 404 for an unknown SKU', async () => {
  const sku = unique('sku');
  for (const body of [{ priceCents: 1, stock: 1 }, { name: 'x', priceCents: -1, stock: 1 }, { name: 'x', priceCents: 1, stock: -1 }, { name: 'x', priceCents: 1, stock: 2.5 }]) {
    const res = await putProduct(sku, body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} answered ${res.status}`);
  }
  assert.equal((await putProduct('bad%20sku', { name: 'x', priceCents: 1, stock: 1 })).status, 400, 'a SKU outside the allowed characters');
  assert.equal((await getProduct(sku)).status, 404, 'nothing was stored');
});
