// Read-only access to the service's database (TEST_DATABASE_URL: a role that may only SELECT). The prompt names
// the tables and columns read here; everything else about the schema is the candidate's.
import pg from 'pg';

let pool;

function db() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL must point at the service database (read-only) for this test');
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

/** Closes the pool so node --test can exit; call from an after() hook in files that query. */
export async function closeDb() {
  await pool?.end();
  pool = undefined;
}

/** Stock of a SKU as stored, or undefined when the products table has no such row. */
export async function storedStock(sku) {
  const { rows } = await db().query('SELECT stock FROM products WHERE sku = $1', [sku]);
  return rows[0]?.stock;
}

/** Units of a SKU in stored orders. */
export async function storedUnitsOrdered(sku) {
  const { rows } = await db().query('SELECT COALESCE(SUM(quantity), 0)::int AS units FROM order_items WHERE sku = $1', [sku]);
  return rows[0].units;
}

/** Stored orders with this idempotency key. */
export async function storedOrdersWithKey(key) {
  const { rows } = await db().query('SELECT count(*)::int AS n FROM orders WHERE idempotency_key = $1', [key]);
  return rows[0].n;
}

export async function negativeStockRows() {
  const { rows } = await db().query('SELECT count(*)::int AS n FROM products WHERE stock < 0');
  return rows[0].n;
}
