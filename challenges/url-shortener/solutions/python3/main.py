"""URL shortener reference solution: standard library only (http.server + sqlite3)."""
import json
import os
import re
import secrets
import signal
import string
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from store import AliasTaken, LinkStore

PORT = int(os.environ.get("PORT", "8080"))
DATA_DIR = os.environ.get("DATA_DIR", os.path.join(os.getcwd(), ".data"))
MAX_BODY_BYTES = 64 * 1024
ALIAS_RE = re.compile(r"^[A-Za-z0-9_-]{3,32}$")
# ISO 8601 with an explicit timezone; fromisoformat alone would also accept naive local times.
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
RESERVED = {"health", "links"}  # would shadow the service's own routes
CODE_ALPHABET = string.ascii_letters + string.digits


class HttpError(Exception):
    def __init__(self, status, error, message):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def now_utc():
    return datetime.now(timezone.utc)


def iso(dt):
    return dt.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def validate_url(value):
    if not isinstance(value, str) or not value:
        raise HttpError(400, "invalid_url", "url is required and must be a string")
    if len(value) > 2048:
        raise HttpError(400, "invalid_url", "url must be at most 2048 characters")
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpError(400, "invalid_url", "url must be an absolute http or https URL")
    return value


def validate_expiry(value, now):
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_RE.match(value):
        raise HttpError(400, "invalid_expires_at", "expiresAt must be an ISO 8601 timestamp with a timezone")
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise HttpError(400, "invalid_expires_at", "expiresAt must be an ISO 8601 timestamp with a timezone")
    if at <= now:
        raise HttpError(400, "invalid_expires_at", "expiresAt must be in the future")
    return iso(at)


def generate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(7))


class Handler(BaseHTTPRequestHandler):
    store: LinkStore = None  # set at startup

    def log_message(self, fmt, *args):  # keep test output readable; errors are still logged below
        pass

    def send_json(self, status, body, headers=None):
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
            path = urlsplit(self.path).path
            parts = [unquote(p) for p in path.split("/") if p]
            if path == "/health" and method == "GET":
                return self.send_json(200, {"status": "ok"})
            if path == "/links":
                if method == "POST":
                    return self.create()
                raise HttpError(405, "method_not_allowed", "use POST /links")
            if method == "GET" and len(parts) == 2 and parts[0] == "links":
                return self.stats(parts[1])
            if method == "GET" and len(parts) == 1:
                return self.redirect(parts[0])
            raise HttpError(404, "not_found", "no such route")
        except HttpError as e:
            self.send_json(e.status, {"error": e.error, "message": e.message})
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

    def view(self, link):
        host = self.headers.get("Host") or f"localhost:{PORT}"
        return {**link, "shortUrl": f"http://{host}/{link['code']}"}

    def create(self):
        body = self.read_json()
        if not isinstance(body, dict):
            raise HttpError(400, "invalid_body", "body must be a JSON object")
        now = now_utc()
        url = validate_url(body.get("url"))
        expires_at = validate_expiry(body.get("expiresAt"), now)
        alias = body.get("alias")
        if alias is not None:
            if not isinstance(alias, str) or not ALIAS_RE.match(alias):
                raise HttpError(400, "invalid_alias", "alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -")
            if alias in RESERVED:
                raise HttpError(409, "alias_taken", "alias is already in use")
        link = {"url": url, "createdAt": iso(now), "expiresAt": expires_at, "clicks": 0, "lastAccessedAt": None}
        try:
            if alias is not None:
                created = self.store.insert({**link, "code": alias})
            else:
                created = self.store.insert_generated(link, generate_code, RESERVED)
        except AliasTaken:
            raise HttpError(409, "alias_taken", "alias is already in use")
        self.send_json(201, self.view(created))

    def redirect(self, code):
        link = self.store.get(code)
        if link is None:
            raise HttpError(404, "not_found", "no link with this code")
        now = now_utc()
        if link["expiresAt"] and datetime.fromisoformat(link["expiresAt"].replace("Z", "+00:00")) <= now:
            raise HttpError(410, "expired", "this link has expired")
        self.store.click(code, iso(now))
        self.send_json(302, None, {"Location": link["url"], "Cache-Control": "no-store"})

    def stats(self, code):
        link = self.store.get(code)
        if link is None:
            raise HttpError(404, "not_found", "no link with this code")
        self.send_json(200, self.view(link))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    Handler.store = LinkStore(DATA_DIR)
    server = Server(("0.0.0.0", PORT), Handler)
    # The supervisor restarts us with SIGTERM; shut down from another thread since shutdown() blocks.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"url-shortener listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
