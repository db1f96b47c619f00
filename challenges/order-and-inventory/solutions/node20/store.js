'use strict';
// Products, orders and pages of orders in PostgreSQL. Everything that must be all-or-nothing (claiming the
// idempotency key, taking the stock, writing the order) happens in one transaction.
const { createHash } = require('node:crypto');
const { HttpError } = require('./errors');

const toProduct = (row) => ({ sku: row.sku, name: row.name, priceCents: Number(row.price_cents), stock: row.stock });

function toOrder(row, items) {
  return {
    id: String(row.id),
    customerId: row.customer_id,
    items: items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPriceCents: Number(i.unit_price_cents) })),
    totalCents: Number(row.total_cents),
    createdAt: row.created_at.toISOString(),
  };
}

/** Same customer and same items in the same order = same request, whatever the JSON's key order or spacing. */
function requestHash({ customerId, items }) {
  const canonical = JSON.stringify([customerId, items.map((i) => [i.sku, i.quantity])]);
  return createHash('sha256').update(canonical).digest('hex');
}

const encodeCursor = (id) => Buffer.from(JSON.stringify({ after: String(id) })).toString('base64url');

function decodeCursor(cursor) {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof after === 'string' && /^[1-9][0-9]{0,18}$/.test(after)) return after;
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'invalid_cursor', 'cursor must be a nextCursor value returned by GET /orders');
}

class Store {
  constructor(pool, cache) {
    this.pool = pool;
    this.cache = cache;
  }

  async putProduct({ sku, name, priceCents, stock }) {
    const { rows } = await this.pool.query(
      `INSERT INTO products (sku, name, price_cents, stock) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sku) DO UPDATE SET name = $2, price_cents = $3, stock = $4, version = products.version + 1
       RETURNING *`,
      [sku, name, priceCents, stock],
    );
    const product = toProduct(rows[0]);
    await this.cache.put(rows[0], product); // after the (single-statement) commit
    return product;
  }

  /** { product, cached } or undefined when the SKU is unknown. */
  async getProduct(sku) {
    const cached = await this.cache.get(sku);
    if (cached) return { product: cached, cached: true };
    const { rows } = await this.pool.query('SELECT * FROM products WHERE sku = $1', [sku]);
    if (rows.length === 0) return undefined;
    const product = toProduct(rows[0]);
    await this.cache.put(rows[0], product);
    return { product, cached: false };
  }

  /** { order, replayed }: a retry with the same key and body replays the order placed by the first request. */
  async placeOrder(idempotencyKey, request) {
    const hash = requestHash(request);
    const client = await this.pool.connect();
    let updated;
    let order;
    try {
      await client.query('BEGIN');
      // Claim the key first. A concurrent request with the same key blocks here until this transaction ends:
      // then it conflicts (we committed) or proceeds (we rolled back, e.g. out of stock).
      const claim = await client.query(
        `INSERT INTO orders (idempotency_key, request_hash, customer_id, total_cents) VALUES ($1, $2, $3, 0)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [idempotencyKey, hash, request.customerId],
      );
      if (claim.rowCount === 0) {
        await client.query('ROLLBACK');
        return this.replay(idempotencyKey, hash);
      }
      const orderId = claim.rows[0].id;
      // Lock products in one global order (by SKU) so two orders naming the same products never deadlock.
      updated = new Map();
      for (const item of [...request.items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))) {
        // Check and take in one statement: the row lock makes concurrent orders queue, and each re-checks.
        const { rows } = await client.query(
          `UPDATE products SET stock = stock - $2, version = version + 1
           WHERE sku = $1 AND stock >= $2 RETURNING *`,
          [item.sku, item.quantity],
        );
        if (rows.length === 0) {
          const known = await client.query('SELECT stock FROM products WHERE sku = $1', [item.sku]);
          if (known.rowCount === 0) throw new HttpError(422, 'unknown_product', `no product has sku ${item.sku}`, { sku: item.sku });
          throw new HttpError(409, 'insufficient_stock', `only ${known.rows[0].stock} of ${item.sku} in stock`, { sku: item.sku, available: known.rows[0].stock });
        }
        updated.set(item.sku, rows[0]);
      }
      const lines = request.items.map((item, position) => ({ position, ...item, unitPrice: Number(updated.get(item.sku).price_cents) }));
      const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
      await client.query(
        `INSERT INTO order_items (order_id, position, sku, quantity, unit_price_cents)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::bigint[])`,
        [orderId, lines.map((l) => l.position), lines.map((l) => l.sku), lines.map((l) => l.quantity), lines.map((l) => l.unitPrice)],
      );
      const { rows } = await client.query('UPDATE orders SET total_cents = $2 WHERE id = $1 RETURNING *', [orderId, total]);
      await client.query('COMMIT');
      order = toOrder(rows[0], lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unit_price_cents: l.unitPrice })));
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    // Only after the commit: a cache refreshed inside the transaction would show stock an abort gives back.
    for (const row of updated.values()) await this.cache.put(row, toProduct(row));
    return { order, replayed: false };
  }

  async replay(idempotencyKey, hash) {
    const { rows } = await this.pool.query('SELECT * FROM orders WHERE idempotency_key = $1', [idempotencyKey]);
    if (rows.length === 0) throw new Error(`idempotency key ${idempotencyKey} conflicted but no order holds it`);
    if (rows[0].request_hash !== hash) {
      throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
    }
    const [order] = await this.withItems(rows);
    return { order, replayed: true };
  }

  async getOrder(id) {
    if (!/^[1-9][0-9]{0,18}$/.test(id)) return undefined;
    const { rows } = await this.pool.query('SELECT * FROM orders WHERE id = $1', [id]);
    return rows.length ? (await this.withItems(rows))[0] : undefined;
  }

  /** Newest first. The cursor is the last order of the page; the next page starts strictly after it. */
  async listOrders({ customerId, limit, cursor }) {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (after !== null) {
      const { rowCount } = await this.pool.query('SELECT 1 FROM orders WHERE id = $1', [after]);
      if (rowCount === 0) throw new HttpError(400, 'invalid_cursor', 'cursor must be a nextCursor value returned by GET /orders');
    }
    const { rows } = await this.pool.query(
      `SELECT * FROM orders o
       WHERE ($1::text IS NULL OR o.customer_id = $1)
         AND ($2::bigint IS NULL OR (o.created_at, o.id) < (SELECT created_at, id FROM orders WHERE id = $2))
       ORDER BY o.created_at DESC, o.id DESC
       LIMIT $3`,
      [customerId ?? null, after, limit + 1], // one more than asked tells whether another page exists
    );
    const page = rows.slice(0, limit);
    return {
      orders: await this.withItems(page),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  async withItems(orderRows) {
    if (orderRows.length === 0) return [];
    const { rows } = await this.pool.query(
      'SELECT * FROM order_items WHERE order_id = ANY($1::bigint[]) ORDER BY order_id, position',
      [orderRows.map((o) => o.id)],
    );
    return orderRows.map((o) => toOrder(o, rows.filter((i) => i.order_id === o.id)));
  }
}

module.exports = { Store };
