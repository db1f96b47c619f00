"""Durable key-value store reference solution: standard library only (http.server + a write-ahead log)."""
import json
import os
import re
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from store import Conflict, KvStore

PORT = int(os.environ.get("PORT", "8080"))
DATA_DIR = os.environ.get("DATA_DIR", os.path.join(os.getcwd(), ".data"))
KEY_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
MAX_VALUE_CHARS = 65536
MAX_BODY_BYTES = 1024 * 1024


class HttpError(Exception):
    def __init__(self, status, error, message, **extra):
        super().__init__(message)
        self.status, self.error, self.message, self.extra = status, error, message, extra


def parse_put(body):
    if not isinstance(body, dict):
        raise HttpError(400, "invalid_body", "body must be a JSON object")
    value = body.get("value")
    if not isinstance(value, str):
        raise HttpError(400, "invalid_value", "value is required and must be a string")
    # Characters as JavaScript counts them (UTF-16 code units), so the limit matches every client.
    if len(value.encode("utf-16-le")) // 2 > MAX_VALUE_CHARS:
        raise HttpError(400, "invalid_value", f"value must be at most {MAX_VALUE_CHARS} characters")
    if_version = body.get("ifVersion")
    if if_version is not None and (type(if_version) is not int or if_version < 0):
        raise HttpError(400, "invalid_if_version", "ifVersion must be a whole number, 0 or more")
    return value, if_version


class Handler(BaseHTTPRequestHandler):
    store: KvStore = None  # set at startup

    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, body=None):
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
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
            path = urlsplit(self.path).path
            if path == "/health" and method == "GET":
                return self.send_json(200, {"status": "ok"})
            if path == "/admin/compact" and method == "POST":
                return self.send_json(200, {"keys": self.store.compact()})
            if not path.startswith("/kv/") or "/" in path[4:]:
                raise HttpError(404, "not_found", "no such route")
            key = unquote(path[4:], errors="strict") if "%" in path else path[4:]
            if not KEY_RE.match(key):
                raise HttpError(400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -")
            if method == "GET":
                entry = self.store.get(key)
                if entry is None:
                    raise HttpError(404, "not_found", "no such key")
                return self.send_json(200, {"key": key, **entry})
            if method == "PUT":
                value, if_version = parse_put(self.read_json())
                try:
                    entry = self.store.put(key, value, if_version)
                except Conflict as c:
                    raise HttpError(409, "version_mismatch", "the key is not at the expected version", currentVersion=c.current_version)
                return self.send_json(200, {"key": key, **entry})
            if method == "DELETE":
                if not self.store.delete(key):
                    raise HttpError(404, "not_found", "no such key")
                return self.send_json(204)
            raise HttpError(405, "method_not_allowed", "use GET, PUT or DELETE")
        except HttpError as e:
            self.send_json(e.status, {"error": e.error, "message": e.message, **e.extra})
        except UnicodeDecodeError:
            self.send_json(400, {"error": "invalid_key", "message": "key must be valid percent-encoded UTF-8"})
        except Exception:  # never leak a stack trace or drop the connection without an answer
            import traceback

            traceback.print_exc()
            self.send_json(500, {"error": "internal", "message": "unexpected error"})

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
    Handler.store = KvStore(DATA_DIR)
    server = Server(("0.0.0.0", PORT), Handler)
    # Nothing to flush on SIGTERM: every acknowledged write is already on disk.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"kv-store listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
