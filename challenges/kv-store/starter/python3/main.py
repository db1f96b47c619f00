"""Starting point: a working HTTP server with a health check. Everything else is yours to design and build.

Only the Python standard library is available: the service runs without network or package installation.
"""
import json
import os
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

PORT = int(os.environ.get("PORT", "8080"))
# Persist anything that must survive a restart under DATA_DIR.
DATA_DIR = os.environ.get("DATA_DIR", os.path.join(os.getcwd(), ".data"))


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
            return self.send_json(200, {"status": "ok"})
        self.send_json(404, {"error": "not_found", "message": "no such route"})

    def do_PUT(self):
        if urlsplit(self.path).path.startswith("/kv/"):
            return self.send_json(501, {"error": "not_implemented", "message": "TODO: implement PUT /kv/{key}"})
        self.send_json(404, {"error": "not_found", "message": "no such route"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default of 5 drops connections under concurrent bursts


def main():
    os.makedirs(DATA_DIR, exist_ok=True)
    server = Server(("0.0.0.0", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"listening on {PORT}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
