// Shared by the visible tests: where the service is and how to call it.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Calls the service and returns status, headers and the parsed JSON body (undefined when not JSON). Each
 * request uses a new connection (no keep-alive pool): concurrent tests really are concurrent, and a pooled
 * connection to a process that was just restarted cannot fail a request for a reason unrelated to the service.
 */
export function api(path, { method = 'GET', body, rawBody, headers = {} } = {}) {
  const payload = body !== undefined ? JSON.stringify(body) : rawBody;
  const all = { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) };
  return new Promise((resolve, reject) => {
    const req = http.request(`${SERVICE_URL}${path}`, { method, headers: all, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    // A hung service fails the test that hit it instead of stalling the whole suite until its time limit.
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.end(payload);
  });
}

/** Unique per call, so tests never collide with each other or with data left by an earlier test. */
export function unique(prefix) {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export const putProduct = (sku, product) => api(`/products/${sku}`, { method: 'PUT', body: product });
export const getProduct = (sku) => api(`/products/${sku}`);
export const placeOrder = (key, order) => api('/orders', { method: 'POST', body: order, headers: { 'idempotency-key': key } });

/**
 * A new product with this stock (and a price of 250 cents unless given); returns its SKU, which starts with
 * `prefix` (so tests can choose which of two SKUs sorts first).
 */
export async function newProduct(stock, priceCents = 250, prefix = 'sku') {
  const sku = unique(prefix);
  const res = await putProduct(sku, { name: `Product ${sku}`, priceCents, stock });
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT /products/${sku} answered ${res.status}: ${res.text}`);
  return sku;
}

export async function mustOrder(key, order) {
  const res = await placeOrder(key, order);
  if (res.status !== 201) throw new Error(`POST /orders answered ${res.status}: ${res.text}`);
  return res.json;
}

export async function stockOf(sku) {
  const res = await getProduct(sku);
  if (res.status !== 200) throw new Error(`GET /products/${sku} answered ${res.status}: ${res.text}`);
  return res.json.stock;
}

/** Every page of GET /orders for a customer, following nextCursor; `between` runs after each page. */
export async function allPages(customerId, limit, between = async () => {}) {
  const pages = [];
  let cursor;
  for (let i = 0; i < 50; i += 1) {
    const query = `customerId=${customerId}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api(`/orders?${query}`);
    if (res.status !== 200) throw new Error(`GET /orders?${query} answered ${res.status}: ${res.text}`);
    pages.push(res.json.orders);
    cursor = res.json.nextCursor;
    if (cursor === null) return pages;
    await between(i);
  }
  throw new Error('GET /orders never answered nextCursor: null after 50 pages');
}
