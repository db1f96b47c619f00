import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPages, api, getProduct, mustOrder, newProduct, placeOrder, putProduct, stockOf, unique } from './http.mjs';

test('GET /health answers 200', async () => {
  assert.equal((await api('/health')).status, 200);
});

test('PUT /products/{sku} stores a product that GET /products/{sku} answers', async () => {
  const sku = unique('sku');
  const res = await putProduct(sku, { name: 'Espresso cup', priceCents: 1299, stock: 7 });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { sku, name: 'Espresso cup', priceCents: 1299, stock: 7 });
  const read = await getProduct(sku);
  assert.equal(read.status, 200);
  assert.deepEqual(read.json, res.json);
  assert.ok(['hit', 'miss'].includes(read.headers['x-cache']), 'X-Cache says whether Redis answered');
  assert.equal((await getProduct(unique('missing'))).status, 404);
});

test('POST /orders takes the items from stock and answers 201 with the order', async () => {
  const sku = await newProduct(5, 400);
  const customerId = unique('cust');
  const res = await placeOrder(unique('key'), { customerId, items: [{ sku, quantity: 2 }] });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.json.customerId, customerId);
  assert.deepEqual(res.json.items, [{ sku, quantity: 2, unitPriceCents: 400 }]);
  assert.equal(res.json.totalCents, 800);
  assert.equal(await stockOf(sku), 3);
  assert.deepEqual((await api(`/orders/${encodeURIComponent(res.json.id)}`)).json, res.json);
});

test('POST /orders answers 409 insufficient_stock and takes nothing when stock is short', async () => {
  const sku = await newProduct(1);
  const res = await placeOrder(unique('key'), { customerId: unique('cust'), items: [{ sku, quantity: 2 }] });
  assert.equal(res.status, 409, res.text);
  assert.equal(res.json.error, 'insufficient_stock');
  assert.equal(await stockOf(sku), 1);
});

test('POST /orders needs an Idempotency-Key and a valid body (400)', async () => {
  const sku = await newProduct(1);
  assert.equal((await api('/orders', { method: 'POST', body: { customerId: unique('c'), items: [{ sku, quantity: 1 }] } })).status, 400);
  assert.equal((await placeOrder(unique('key'), { customerId: unique('c'), items: [] })).status, 400);
});

test('a retried POST /orders with the same Idempotency-Key answers the same order and takes stock once', async () => {
  const sku = await newProduct(5);
  const key = unique('key');
  const order = { customerId: unique('cust'), items: [{ sku, quantity: 1 }] };
  const first = await mustOrder(key, order);
  const retry = await placeOrder(key, order);
  assert.equal(retry.status, 201);
  assert.deepEqual(retry.json, first);
  assert.equal(await stockOf(sku), 4);
  const different = await placeOrder(key, { ...order, items: [{ sku, quantity: 2 }] });
  assert.equal(different.status, 422);
  assert.equal(different.json.error, 'idempotency_key_reused');
});

test('GET /products/{sku} shows the new stock right after an order, even when the product was cached', async () => {
  const sku = await newProduct(3);
  await getProduct(sku);
  await getProduct(sku);
  await mustOrder(unique('key'), { customerId: unique('cust'), items: [{ sku, quantity: 1 }] });
  assert.equal(await stockOf(sku), 2);
});

test('GET /orders pages through a customer\'s orders newest first with nextCursor', async () => {
  const sku = await newProduct(10);
  const customerId = unique('pages');
  const ids = [];
  for (let i = 0; i < 5; i += 1) ids.push((await mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }] })).id);
  const pages = await allPages(customerId, 2);
  assert.deepEqual(pages.map((p) => p.map((o) => o.id)), [[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
});
