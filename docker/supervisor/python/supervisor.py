#!/usr/bin/env python3
"""Runs a submission's start command and serves POST /restart on CONTROL_PORT (7070) so black-box tests
can restart it. Python stdlib only, so the python image needs no Node. Usage: supervisor.py CMD [ARGS...]"""
import http.server, os, signal, socket, subprocess, sys, threading, time

CMD = sys.argv[1:]
PORT = int(os.environ.get("PORT", "3000"))
CONTROL_PORT = int(os.environ.get("CONTROL_PORT", "7070"))
KILL_GRACE_S = 2.0
LISTEN_WAIT_S = float(os.environ.get("RESTART_WAIT_MS", "15000")) / 1000
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


def stop():
    if child is None or child.poll() is not None:
        return
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(KILL_GRACE_S)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    except ProcessLookupError:
        pass


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


class Control(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/restart":
            return self.send_error(404)
        with lock:  # one restart cycle at a time
            stop()
            start()
            ok = wait_listening()
        body = b'{"status":"restarted"}' if ok else b'{"status":"not_listening"}'
        self.send_response(200 if ok else 503)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
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
