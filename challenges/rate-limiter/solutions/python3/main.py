"""Rate limiter reference solution: standard library only."""
import json
import os
import re
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from buckets import BucketRegistry

PORT = int(os.environ.get("PORT", "8080"))
DEFAULTS = (10, 1.0)
KEY_RE = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
MAX_BODY_BYTES = 16 * 1024
MAX_VALUE = 1_000_000
registry = BucketRegistry(DEFAULTS)


class HttpError(Exception):
    def __init__(self, status, error, message):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def is_number(v):
    # bool is a subclass of int in Python; JSON true must not pass as 1.
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def parse_config(body):
    if not isinstance(body, dict):
        raise HttpError(400, "invalid_body", "body must be a JSON object")
    capacity, rate = body.get("capacity"), body.get("refillPerSecond")
    if not is_number(capacity) or capacity != int(capacity) or isinstance(capacity, float) or not 1 <= capacity <= MAX_VALUE:
        raise HttpError(400, "invalid_capacity", f"capacity must be an integer from 1 to {MAX_VALUE}")
    if not is_number(rate) or rate != rate or not 0 < rate <= MAX_VALUE:
        raise HttpError(400, "invalid_refill", f"refillPerSecond must be a number greater than 0 and at most {MAX_VALUE}")
    return capacity, rate


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, body=None, headers=None):
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise HttpError(413, "payload_too_large", f"body exceeds {MAX_BODY_BYTES} bytes")
        try:
            return json.loads(self.rfile.read(length) or b"null")
        except (ValueError, UnicodeDecodeError):
            raise HttpError(400, "invalid_json", "request body must be valid JSON")

    def dispatch(self, method):
        try:
            self.route(method, urlsplit(self.path).path)
        except HttpError as e:
            self.send_json(e.status, {"error": e.error, "message": e.message})
        except Exception:
            import traceback

            traceback.print_exc()
            self.send_json(500, {"error": "internal", "message": "unexpected error"})

    def route(self, method, path):
        if path == "/health" and method == "GET":
            return self.send_json(200, {"status": "ok"})
        if path.startswith("/api/"):
            return self.limited()
        m = re.fullmatch(r"/keys/([^/]+)", path)
        if not m:
            raise HttpError(404, "not_found", "no such route")
        key = unquote(m.group(1))
        if not KEY_RE.match(key):
            raise HttpError(400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -")
        if method == "PUT":
            capacity, rate = parse_config(self.read_json())
            registry.configure(key, capacity, rate)
            return self.send_json(200, {"key": key, "capacity": capacity, "refillPerSecond": rate})
        if method == "GET":
            found = registry.get(key)
            if found is None:
                raise HttpError(404, "not_found", "key has no explicit configuration")
            return self.send_json(200, {"key": key, **found})
        if method == "DELETE":
            if not registry.remove(key):
                raise HttpError(404, "not_found", "key has no explicit configuration")
            return self.send_json(204)
        raise HttpError(405, "method_not_allowed", "use GET, PUT or DELETE")

    def limited(self):
        key = self.headers.get("X-API-Key")
        if not key or not key.strip():
            raise HttpError(401, "missing_api_key", "send your key in X-API-Key")
        r = registry.take(key)
        headers = {"X-RateLimit-Limit": str(r["capacity"]), "X-RateLimit-Remaining": str(r["remaining"])}
        if not r["allowed"]:
            headers["Retry-After"] = str(r["retry_after"])
            body = {"error": "rate_limited", "message": "too many requests", "retryAfterSeconds": r["retry_after"]}
            return self.send_json(429, body, headers)
        self.send_json(200, {"ok": True, "key": key}, headers)

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_DELETE(self):
        self.dispatch("DELETE")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    server = Server(("0.0.0.0", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"rate-limiter listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
