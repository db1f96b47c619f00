import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPages, api, mustOrder, newProduct, unique } from './http.mjs';

/** Places `n` orders one after another for the customer; returns their ids, oldest first. */
async function placeOrders(sku, customerId, n) {
  const ids = [];
  for (let i = 0; i < n; i += 1) ids.push((await mustOrder(unique('key'), { customerId, items: [{ sku, quantity: 1 }] })).id);
  return ids;
}

test('pagination: pages list a customer\'s orders newest first, each exactly once, and end with nextCursor null', async () => {
  const sku = await newProduct(100);
  const customerId = unique('pages');
  const other = unique('other');
  const ids = await placeOrders(sku, customerId, 12);
  await placeOrders(sku, other, 2); // another customer's orders stay out of this list
  const pages = await allPages(customerId, 5);
  assert.deepEqual(pages.map((p) => p.length), [5, 5, 2]);
  assert.deepEqual(pages.flat().map((o) => o.id), [...ids].reverse());
  for (const o of pages.flat()) assert.equal(o.customerId, customerId);
});

test('pagination: orders placed while paging neither repeat nor hide the orders that existed before', async () => {
  const sku = await newProduct(100);
  const customerId = unique('moving');
  const before = await placeOrders(sku, customerId, 15);
  const during = [];
  const pages = await allPages(customerId, 4, async () => {
    during.push(...(await placeOrders(sku, customerId, 3)));
  });
  const seen = pages.flat().map((o) => o.id);
  assert.equal(new Set(seen).size, seen.length, `no order is listed twice (${seen.length} listed)`);
  const missing = before.filter((id) => !seen.includes(id));
  assert.deepEqual(missing, [], 'every order placed before paging started is listed');
  const earlierOnes = seen.filter((id) => before.includes(id));
  assert.deepEqual(earlierOnes, [...before].reverse(), 'still newest first');
  assert.ok(seen.every((id) => before.includes(id) || during.includes(id)));
});

test('pagination: rejects a limit outside 1-100 and a cursor the service did not issue with 400', async () => {
  const customerId = unique('bad');
  for (const limit of ['0', '101', 'ten', '2.5']) {
    assert.equal((await api(`/orders?customerId=${customerId}&limit=${limit}`)).status, 400, `limit=${limit}`);
  }
  assert.equal((await api(`/orders?customerId=${customerId}&cursor=not-a-cursor`)).status, 400);
  const empty = await api(`/orders?customerId=${customerId}`);
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.json, { orders: [], nextCursor: null });
});
