"""Parsing and validation of NDJSON batches; no I/O, so it can be unit-tested directly."""
import json
import math
import re
from datetime import datetime, timezone

# fromisoformat alone also accepts naive times, spaces instead of T and the basic format; the contract is stricter.
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
WINDOWS_MS = {"minute": 60_000, "hour": 3_600_000, "day": 86_400_000}


def parse_timestamp(value):
    """Epoch milliseconds, or None. Rejects impossible dates such as Feb 30."""
    if not isinstance(value, str) or not ISO_RE.match(value):
        return None
    text = value.replace("Z", "+00:00")
    # Python 3.11 parses at most 6 fractional digits; extra precision is below our millisecond resolution.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    return round(dt.timestamp() * 1000)


def to_iso(ms):
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def validate_event(raw):
    """Returns (event, None) or (None, reason)."""
    if not isinstance(raw, dict):
        return None, "line must be a JSON object"
    eid, etype = raw.get("id"), raw.get("type")
    if not isinstance(eid, str) or not 0 < len(eid) <= 128:
        return None, "id must be a non-empty string of at most 128 characters"
    if not isinstance(etype, str) or not 0 < len(etype) <= 64:
        return None, "type must be a non-empty string of at most 64 characters"
    ts = parse_timestamp(raw.get("timestamp"))
    if ts is None:
        return None, "timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z"
    if "value" in raw and not is_number(raw["value"]):
        return None, "value, when present, must be a finite number"
    return {"id": eid, "type": etype, "ts": ts, "value": raw.get("value")}, None


def parse_batch(text):
    """Line numbers count every physical line, blank ones included, so they match the client's file."""
    events, errors, non_blank = [], [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        non_blank += 1
        try:
            raw = json.loads(line)
        except ValueError:
            errors.append({"line": number, "reason": "invalid JSON"})
            continue
        event, reason = validate_event(raw)
        if reason:
            errors.append({"line": number, "reason": reason})
        else:
            events.append(event)
    return events, errors, non_blank
