"""Event pipeline reference solution: standard library only (http.server + sqlite3)."""
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from events import WINDOWS_MS, parse_batch, parse_timestamp, to_iso
from store import EventStore

PORT = int(os.environ.get("PORT", "8080"))
DATA_DIR = os.environ.get("DATA_DIR", os.path.join(os.getcwd(), ".data"))
MAX_BODY_BYTES = 10 * 1024 * 1024


class HttpError(Exception):
    def __init__(self, status, error, message):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def number(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


class Handler(BaseHTTPRequestHandler):
    store: EventStore = None

    def log_message(self, fmt, *args):
        pass

    def send_json(self, status, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def dispatch(self, method):
        try:
            url = urlsplit(self.path)
            if method == "GET" and url.path == "/health":
                return self.send_json(200, {"status": "ok"})
            if method == "POST" and url.path == "/events":
                return self.ingest()
            if method == "GET" and url.path == "/aggregates":
                return self.aggregates(parse_qs(url.query))
            if method == "GET" and url.path.startswith("/events/") and url.path.count("/") == 2:
                event = self.store.get(unquote(url.path[len("/events/"):]))
                if event is None:
                    raise HttpError(404, "not_found", "no event with this id")
                view = {"id": event["id"], "type": event["type"], "timestamp": to_iso(event["ts"]), "value": event["value"]}
                return self.send_json(200, view)
            raise HttpError(404, "not_found", "no such route")
        except HttpError as e:
            self.send_json(e.status, {"error": e.error, "message": e.message})
        except Exception:
            import traceback

            traceback.print_exc()
            self.send_json(500, {"error": "internal", "message": "unexpected error"})

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def ingest(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise HttpError(413, "payload_too_large", f"batches are limited to {MAX_BODY_BYTES} bytes")
        text = self.rfile.read(length).decode("utf-8", errors="replace")
        events, errors, non_blank = parse_batch(text)
        if non_blank == 0:
            raise HttpError(400, "empty_batch", "the body contains no event lines")
        accepted = self.store.insert_new(events)
        body = {"accepted": accepted, "duplicates": len(events) - accepted, "rejected": len(errors), "errors": errors}
        self.send_json(200, body)

    def aggregates(self, query):
        one = lambda name: (query.get(name) or [None])[0]
        window = one("window")
        if window not in WINDOWS_MS:
            raise HttpError(400, "invalid_window", "window must be minute, hour or day")
        start, end = parse_timestamp(one("from")), parse_timestamp(one("to"))
        if start is None or end is None:
            raise HttpError(400, "invalid_range", "from and to are required ISO 8601 date-times with a timezone")
        if start >= end:
            raise HttpError(400, "invalid_range", "from must be before to")
        etype = one("type")
        rows = self.store.aggregate(WINDOWS_MS[window], start, end, etype)
        body = {"window": window, "from": to_iso(start), "to": to_iso(end)}
        if etype is not None:
            body["type"] = etype
        body["buckets"] = [{"start": to_iso(b), "type": t, "count": c, "sum": number(s)} for b, t, c, s in rows]
        self.send_json(200, body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    Handler.store = EventStore(DATA_DIR)
    server = Server(("0.0.0.0", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"event-pipeline listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
