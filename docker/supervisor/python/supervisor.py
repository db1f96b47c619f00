#!/usr/bin/env python3
"""Runs a submission's start command and serves POST /restart on CONTROL_PORT (7070) so black-box tests
can restart it. Python stdlib only, so the python image needs no Node. Usage: supervisor.py CMD [ARGS...]
The same control API as docker/supervisor/node/supervisor.js:
  POST /restart                       SIGTERM, SIGKILL after a grace period, start again
  POST /restart?signal=KILL           SIGKILL at once: a crash, no shutdown handler runs
  POST /restart?signal=KILL&append=F  also appends the request body to DATA_DIR/F while the service is down
  GET  /data-usage                    { bytes, files } under DATA_DIR"""
import http.server, json, os, signal, socket, subprocess, sys, threading, time
from urllib.parse import parse_qs, urlsplit

CMD = sys.argv[1:]
PORT = int(os.environ.get("PORT", "3000"))
CONTROL_PORT = int(os.environ.get("CONTROL_PORT", "7070"))
KILL_GRACE_S = 2.0
LISTEN_WAIT_S = float(os.environ.get("RESTART_WAIT_MS", "15000")) / 1000
DATA_DIR = os.environ.get("DATA_DIR")
MAX_APPEND_BYTES = 64 * 1024
if not CMD:
    sys.exit("[supervisor] no start command")
if os.environ.get("DATA_DIR"):
    os.makedirs(os.environ["DATA_DIR"], exist_ok=True)

child = None
lock = threading.Lock()


def start():
    global child
    try:
        # A session of its own so a restart also stops anything the submission forked.
        child = subprocess.Popen(CMD, cwd=os.environ.get("WORKSPACE", "/workspace"), start_new_session=True)
    except OSError as err:
        print(f"[supervisor] cannot start {CMD[0]}: {err}", file=sys.stderr, flush=True)
        child = None


def stop(sig=signal.SIGTERM):
    if child is None or child.poll() is not None:
        return
    try:
        os.killpg(child.pid, sig)
        child.wait(KILL_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    except ProcessLookupError:
        pass
    # The leader can exit before the children it forked, whose listener may accept a connection for a moment:
    # without this wait a restart could report the old process as the new one ready.
    deadline = time.monotonic() + KILL_GRACE_S
    while time.monotonic() < deadline and listening():
        time.sleep(0.01)


def listening():
    try:
        socket.create_connection(("127.0.0.1", PORT), timeout=0.5).close()
        return True
    except OSError:
        return False


def wait_listening():
    deadline = time.monotonic() + LISTEN_WAIT_S
    while time.monotonic() < deadline:
        if listening():
            return True
        if child is None or child.poll() is not None:
            return False
        time.sleep(0.025)
    return False


def append_torn(name, data):
    """Appends to an existing file under DATA_DIR (never outside it); the number of bytes appended."""
    parts = name.replace("\\", "/").split("/")
    if not DATA_DIR or os.path.isabs(name) or any(p in ("", "..") for p in parts):
        return 0
    target = os.path.join(DATA_DIR, *parts)
    try:
        if not os.path.isfile(target):
            return 0
        with open(target, "ab") as f:
            f.write(data)
        return len(data)
    except OSError:
        return 0


def data_usage():
    total = {"bytes": 0, "files": 0}
    for root, _dirs, files in os.walk(DATA_DIR or "/nonexistent"):
        for name in files:
            full = os.path.join(root, name)
            if os.path.isfile(full) and not os.path.islink(full):
                total["bytes"] += os.path.getsize(full)
                total["files"] += 1
    return total


class Control(http.server.BaseHTTPRequestHandler):
    def send_json(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/restart":
            return self.send_error(404)
        query = parse_qs(url.query)
        sig = signal.SIGKILL if query.get("signal") == ["KILL"] else signal.SIGTERM
        append = (query.get("append") or [None])[0]
        length = min(int(self.headers.get("content-length") or 0), MAX_APPEND_BYTES)
        torn = self.rfile.read(length) if append else None
        appended = 0
        with lock:  # one restart cycle at a time
            stop(sig)
            if append:
                appended = append_torn(append, torn)
            start()
            ok = wait_listening()
        body = {"status": "restarted"} if ok else {"status": "not_listening", "port": PORT}
        if append:
            body["appended"] = appended
        self.send_json(200 if ok else 503, body)

    def do_GET(self):
        if self.path == "/data-usage":
            return self.send_json(200, data_usage())
        if self.path != "/health":
            return self.send_error(404)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):  # keep the submission's own output readable
        pass


def on_term(*_):
    stop()
    sys.exit(0)


signal.signal(signal.SIGTERM, on_term)
server = http.server.ThreadingHTTPServer(("0.0.0.0", CONTROL_PORT), Control)
start()
server.serve_forever()
