"""The schema, created at every start.

Every statement is idempotent (IF NOT EXISTS) and the whole migration runs in one transaction under an advisory
lock, so a restart (or two instances starting together) neither fails nor touches existing rows.
"""

MIGRATION = """
CREATE TABLE IF NOT EXISTS products (
  sku         text PRIMARY KEY,
  name        text NOT NULL,
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  -- The database itself refuses to oversell: a bug in the service cannot make stock negative.
  stock       integer NOT NULL CHECK (stock >= 0),
  -- Bumped on every change; the cache only ever replaces an entry with a newer version.
  version     bigint NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS orders (
  id              bigserial PRIMARY KEY,
  -- UNIQUE is what makes concurrent retries safe: a second insert with the same key waits for the first
  -- transaction and then conflicts instead of creating a second order.
  idempotency_key text NOT NULL UNIQUE,
  request_hash    text NOT NULL,
  customer_id     text NOT NULL,
  total_cents     bigint NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE IF NOT EXISTS order_items (
  order_id         bigint NOT NULL REFERENCES orders (id),
  position         integer NOT NULL,
  sku              text NOT NULL REFERENCES products (sku),
  quantity         integer NOT NULL CHECK (quantity > 0),
  unit_price_cents bigint NOT NULL,
  PRIMARY KEY (order_id, position)
);
-- Keyset pagination walks these indexes from the cursor instead of counting rows (OFFSET).
CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS orders_by_time ON orders (created_at DESC, id DESC);
"""


def migrate(pool):
    with pool.connection() as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('order-and-inventory-migration'))")
        conn.execute(MIGRATION)
