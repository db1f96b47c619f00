'use strict';
// Request validation: every rule of the prompt, each failure a 400 naming the field.
const { HttpError } = require('./errors');

const SKU = /^[A-Za-z0-9_-]{1,64}$/;
const CUSTOMER = /^[A-Za-z0-9_-]{1,64}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/; // visible ASCII, as HTTP header values allow without quoting
const MAX_ITEMS = 50;

const isInt = (v, min, max) => Number.isSafeInteger(v) && v >= min && v <= max;
const invalid = (field, message) => new HttpError(400, 'validation_failed', `${field}: ${message}`, { field });

function requireObject(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'invalid_json', 'body must be a JSON object');
  return body;
}

function checkSku(sku) {
  if (!SKU.test(sku)) throw invalid('sku', 'must be 1-64 characters from A-Z a-z 0-9 _ -');
  return sku;
}

function parseProduct(sku, body) {
  const { name, priceCents, stock } = requireObject(body);
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) throw invalid('name', 'must be a non-empty string of at most 200 characters');
  if (!isInt(priceCents, 0, 1_000_000_000)) throw invalid('priceCents', 'must be a whole number from 0 to 1000000000');
  if (!isInt(stock, 0, 1_000_000_000)) throw invalid('stock', 'must be a whole number from 0 to 1000000000');
  return { sku: checkSku(sku), name, priceCents, stock };
}

function parseIdempotencyKey(value) {
  if (value === undefined) throw new HttpError(400, 'missing_idempotency_key', 'POST /orders needs an Idempotency-Key header');
  if (!IDEMPOTENCY_KEY.test(value)) throw invalid('Idempotency-Key', 'must be 1-255 visible ASCII characters');
  return value;
}

function parseOrder(body) {
  const { customerId, items } = requireObject(body);
  if (typeof customerId !== 'string' || !CUSTOMER.test(customerId)) throw invalid('customerId', 'must be 1-64 characters from A-Z a-z 0-9 _ -');
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) throw invalid('items', `must be an array of 1-${MAX_ITEMS} items`);
  const seen = new Set();
  const parsed = items.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw invalid(`items[${i}]`, 'must be an object');
    if (typeof item.sku !== 'string' || !SKU.test(item.sku)) throw invalid(`items[${i}].sku`, 'must be 1-64 characters from A-Z a-z 0-9 _ -');
    if (!isInt(item.quantity, 1, 1000)) throw invalid(`items[${i}].quantity`, 'must be a whole number from 1 to 1000');
    if (seen.has(item.sku)) throw invalid(`items[${i}].sku`, 'each sku may appear only once per order');
    seen.add(item.sku);
    return { sku: item.sku, quantity: item.quantity };
  });
  return { customerId, items: parsed };
}

function parseListQuery(params) {
  const customerId = params.get('customerId') ?? undefined;
  if (customerId !== undefined && !CUSTOMER.test(customerId)) throw invalid('customerId', 'must be 1-64 characters from A-Z a-z 0-9 _ -');
  const rawLimit = params.get('limit');
  const limit = rawLimit === null ? 20 : Number(rawLimit);
  if (!/^[0-9]{1,3}$/.test(rawLimit ?? '20') || !isInt(limit, 1, 100)) throw invalid('limit', 'must be a whole number from 1 to 100');
  const cursor = params.get('cursor') ?? undefined;
  return { customerId, limit, cursor };
}

module.exports = { checkSku, parseProduct, parseIdempotencyKey, parseOrder, parseListQuery };
