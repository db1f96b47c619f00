#!/usr/bin/env python3
"""Polls URL until the service answers (any status below 500) or TIMEOUT_MS passes; exit 0 ready, 3 not."""
import sys, time, urllib.error, urllib.request

url, timeout_ms = sys.argv[1], int(sys.argv[2] if len(sys.argv) > 2 else "10000")
deadline = time.monotonic() + timeout_ms / 1000
last = "no answer"
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=max(0.1, deadline - time.monotonic())):
            sys.exit(0)
    except urllib.error.HTTPError as err:
        if err.code < 500:
            sys.exit(0)
        last = f"HTTP {err.code}"
    except OSError as err:
        last = str(getattr(err, "reason", err))
    time.sleep(0.05)
print(f"service at {url} not ready after {timeout_ms} ms (last: {last})", file=sys.stderr)
sys.exit(3)
