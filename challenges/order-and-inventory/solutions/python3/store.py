"""Products, orders and pages of orders in PostgreSQL.

Everything that must be all-or-nothing (claiming the idempotency key, taking the stock, writing the order)
happens in one transaction.
"""
import base64
import hashlib
import json
import re
from datetime import timezone

from errors import HttpError

ORDER_ID = re.compile(r"[1-9][0-9]{0,18}")


def to_product(row):
    return {"sku": row["sku"], "name": row["name"], "priceCents": row["price_cents"], "stock": row["stock"]}


def iso(ts):
    ts = ts.astimezone(timezone.utc)
    return ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


def to_order(row, items):
    return {
        "id": str(row["id"]),
        "customerId": row["customer_id"],
        "items": [{"sku": i["sku"], "quantity": i["quantity"], "unitPriceCents": i["unit_price_cents"]} for i in items],
        "totalCents": row["total_cents"],
        "createdAt": iso(row["created_at"]),
    }


def request_hash(request):
    """Same customer and same items in the same order = same request, whatever the JSON's key order or spacing."""
    canonical = json.dumps([request["customerId"], [[i["sku"], i["quantity"]] for i in request["items"]]])
    return hashlib.sha256(canonical.encode()).hexdigest()


def encode_cursor(order_id):
    return base64.urlsafe_b64encode(json.dumps({"after": str(order_id)}).encode()).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        after = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["after"]
        if isinstance(after, str) and ORDER_ID.fullmatch(after):
            return int(after)
    except (ValueError, KeyError, TypeError):
        pass
    raise HttpError(400, "invalid_cursor", "cursor must be a nextCursor value returned by GET /orders")


class Store:
    def __init__(self, pool, cache):
        self.pool = pool
        self.cache = cache

    def put_product(self, p):
        with self.pool.connection() as conn, conn.transaction():
            row = conn.execute(
                """INSERT INTO products (sku, name, price_cents, stock) VALUES (%(sku)s, %(name)s, %(priceCents)s, %(stock)s)
                   ON CONFLICT (sku) DO UPDATE
                   SET name = EXCLUDED.name, price_cents = EXCLUDED.price_cents, stock = EXCLUDED.stock,
                       version = products.version + 1
                   RETURNING *""",
                p,
            ).fetchone()
        product = to_product(row)
        self.cache.put(row["version"], product)  # after the commit
        return product

    def get_product(self, sku):
        """(product, cached) or None when the SKU is unknown."""
        cached = self.cache.get(sku)
        if cached is not None:
            return cached, True
        with self.pool.connection() as conn:
            row = conn.execute("SELECT * FROM products WHERE sku = %s", (sku,)).fetchone()
        if row is None:
            return None
        product = to_product(row)
        self.cache.put(row["version"], product)
        return product, False

    def place_order(self, key, request):
        """(order, replayed): a retry with the same key and body replays the order placed by the first request."""
        digest = request_hash(request)
        with self.pool.connection() as conn:
            placed = self._place(conn, key, digest, request)
            if placed is None:
                return self.replay(conn, key, digest), True
        order, updated = placed
        # Only after the commit: a cache refreshed inside the transaction would show stock an abort gives back.
        for product_row in updated.values():
            self.cache.put(product_row["version"], to_product(product_row))
        return order, False

    @staticmethod
    def _place(conn, key, digest, request):
        """(order, updated product rows), committed; None when another order already holds the key."""
        with conn.transaction():
            # Claim the key first. A concurrent request with the same key blocks here until this transaction
            # ends: then it conflicts (we committed) or proceeds (we rolled back, e.g. out of stock).
            claim = conn.execute(
                """INSERT INTO orders (idempotency_key, request_hash, customer_id, total_cents)
                   VALUES (%s, %s, %s, 0) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id""",
                (key, digest, request["customerId"]),
            ).fetchone()
            if claim is None:
                return None
            order_id = claim["id"]
            updated = {}
            # Lock products in one global order (by SKU) so two orders naming the same products never deadlock.
            for item in sorted(request["items"], key=lambda i: i["sku"]):
                # Check and take in one statement: the row lock makes concurrent orders queue, and each re-checks.
                row = conn.execute(
                    """UPDATE products SET stock = stock - %s, version = version + 1
                       WHERE sku = %s AND stock >= %s RETURNING *""",
                    (item["quantity"], item["sku"], item["quantity"]),
                ).fetchone()
                if row is None:
                    known = conn.execute("SELECT stock FROM products WHERE sku = %s", (item["sku"],)).fetchone()
                    if known is None:
                        raise HttpError(422, "unknown_product", f"no product has sku {item['sku']}", sku=item["sku"])
                    raise HttpError(409, "insufficient_stock", f"only {known['stock']} of {item['sku']} in stock",
                                    sku=item["sku"], available=known["stock"])
                updated[item["sku"]] = row
            lines = [
                {"position": n, "sku": i["sku"], "quantity": i["quantity"], "unit_price_cents": updated[i["sku"]]["price_cents"]}
                for n, i in enumerate(request["items"])
            ]
            with conn.cursor() as cur:
                cur.executemany(
                    """INSERT INTO order_items (order_id, position, sku, quantity, unit_price_cents)
                       VALUES (%s, %s, %s, %s, %s)""",
                    [(order_id, l["position"], l["sku"], l["quantity"], l["unit_price_cents"]) for l in lines],
                )
            total = sum(l["quantity"] * l["unit_price_cents"] for l in lines)
            row = conn.execute("UPDATE orders SET total_cents = %s WHERE id = %s RETURNING *", (total, order_id)).fetchone()
        return to_order(row, lines), updated

    def replay(self, conn, key, digest):
        row = conn.execute("SELECT * FROM orders WHERE idempotency_key = %s", (key,)).fetchone()
        if row is None:
            raise RuntimeError(f"idempotency key {key} conflicted but no order holds it")
        if row["request_hash"] != digest:
            raise HttpError(422, "idempotency_key_reused", "this Idempotency-Key was already used for a different request")
        return self.with_items(conn, [row])[0]

    def get_order(self, order_id):
        if not ORDER_ID.fullmatch(order_id):
            return None
        with self.pool.connection() as conn:
            row = conn.execute("SELECT * FROM orders WHERE id = %s", (int(order_id),)).fetchone()
            return self.with_items(conn, [row])[0] if row else None

    def list_orders(self, customer_id, limit, cursor):
        """Newest first. The cursor is the last order of the page; the next page starts strictly after it."""
        after = None if cursor is None else decode_cursor(cursor)
        with self.pool.connection() as conn:
            if after is not None and conn.execute("SELECT 1 FROM orders WHERE id = %s", (after,)).fetchone() is None:
                raise HttpError(400, "invalid_cursor", "cursor must be a nextCursor value returned by GET /orders")
            rows = conn.execute(
                """SELECT * FROM orders o
                   WHERE (%(customer)s::text IS NULL OR o.customer_id = %(customer)s)
                     AND (%(after)s::bigint IS NULL
                          OR (o.created_at, o.id) < (SELECT created_at, id FROM orders WHERE id = %(after)s))
                   ORDER BY o.created_at DESC, o.id DESC
                   LIMIT %(limit)s""",
                {"customer": customer_id, "after": after, "limit": limit + 1},  # one more tells whether a next page exists
            ).fetchall()
            page = rows[:limit]
            return {
                "orders": self.with_items(conn, page),
                "nextCursor": encode_cursor(page[-1]["id"]) if len(rows) > limit else None,
            }

    @staticmethod
    def with_items(conn, order_rows):
        if not order_rows:
            return []
        items = conn.execute(
            "SELECT * FROM order_items WHERE order_id = ANY(%s) ORDER BY order_id, position",
            ([o["id"] for o in order_rows],),
        ).fetchall()
        return [to_order(o, [i for i in items if i["order_id"] == o["id"]]) for o in order_rows]
