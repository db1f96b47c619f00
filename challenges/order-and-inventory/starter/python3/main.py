"""Starting point: an HTTP server with a health check and connections to PostgreSQL and Redis.

Everything else is yours to design and build. psycopg 3 and redis-py are installed in the image (see README);
nothing else can be.
"""
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import psycopg
import redis

PORT = int(os.environ.get("PORT", "8080"))
# Both URLs are set for every run (and point at fresh, empty services); never hard-code them.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

cache = redis.Redis.from_url(REDIS_URL)


def connect():
    """A new database connection. ThreadingHTTPServer runs each request in its own thread: share connections
    between threads only through a pool of your own (psycopg_pool is not available)."""
    return psycopg.connect(DATABASE_URL)


def migrate():
    """TODO: create your schema here. It runs at every start, so it must be idempotent."""
    with connect() as conn:
        conn.execute("SELECT 1")


class Handler(BaseHTTPRequestHandler):
    def send_json(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):
        if urlsplit(self.path).path == "/health":
            try:
                with connect() as conn:
                    conn.execute("SELECT 1")
            except psycopg.Error as err:
                return self.send_json(503, {"error": "database_unavailable", "message": str(err)})
            return self.send_json(200, {"status": "ok"})
        self.send_json(404, {"error": "not_found", "message": "no such route"})

    def do_POST(self):
        if urlsplit(self.path).path == "/orders":
            return self.send_json(501, {"error": "not_implemented", "message": "TODO: implement POST /orders"})
        self.send_json(404, {"error": "not_found", "message": "no such route"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    migrate()
    server = Server(("0.0.0.0", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
