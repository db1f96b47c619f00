"""The storage engine: keys in memory, every change appended to DATA_DIR/wal.log and fsynced before it is
acknowledged, compaction into an atomically replaced snapshot. Records are JSON lines carrying the key's
resulting state (value and version), so replaying one twice is harmless: compaction writes the snapshot first
and empties the log afterwards, and a crash in between only replays records the snapshot already holds.
One lock serialises check, append and update, which is what makes compare-and-set and versions exact."""
import json
import os
import threading


class Conflict(Exception):
    def __init__(self, current_version):
        super().__init__("version mismatch")
        self.current_version = current_version


class KvStore:
    def __init__(self, data_dir, compact_at_bytes=1024 * 1024):
        os.makedirs(data_dir, exist_ok=True)
        self.dir = data_dir
        self.wal_path = os.path.join(data_dir, "wal.log")
        self.snapshot_path = os.path.join(data_dir, "snapshot.json")
        self.compact_at_bytes = compact_at_bytes
        self.lock = threading.Lock()
        self.entries = {}  # key -> {"value": str, "version": int}
        if os.path.exists(self.snapshot_path):
            with open(self.snapshot_path, encoding="utf-8") as f:  # renamed into place, so always complete
                self.entries = {k: e for k, e in json.load(f)["entries"]}
        self.fd = os.open(self.wal_path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self.wal_bytes = self._replay()

    def _replay(self):
        """Applies every complete record; cuts off a torn tail so the next append does not land behind it."""
        with open(self.wal_path, "rb") as f:
            data = f.read()
        start = 0
        while start < len(data):
            end = data.find(b"\n", start)
            if end == -1:
                break  # no newline: the write was cut short and never acknowledged
            try:
                record = json.loads(data[start:end].decode("utf-8"))
            except ValueError:  # UnicodeDecodeError included: garbage from a torn write
                break
            self._apply(record)
            start = end + 1
        if start < len(data):
            os.ftruncate(self.fd, start)
            os.fsync(self.fd)
        return start

    def _apply(self, record):
        if record["op"] == "put":
            self.entries[record["key"]] = {"value": record["value"], "version": record["version"]}
        elif record["op"] == "delete":
            self.entries.pop(record["key"], None)

    def _append(self, record):
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        os.write(self.fd, line)
        os.fdatasync(self.fd)  # durable before the caller acknowledges it
        self.wal_bytes += len(line)
        self._apply(record)
        if self.wal_bytes >= self.compact_at_bytes:
            self._compact()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            return dict(entry) if entry else None

    def put(self, key, value, if_version=None):
        with self.lock:
            current = self.entries.get(key)
            current_version = current["version"] if current else 0
            if if_version is not None and if_version != current_version:
                raise Conflict(current_version)
            self._append({"op": "put", "key": key, "value": value, "version": current_version + 1})
            return dict(self.entries[key])

    def delete(self, key):
        with self.lock:
            if key not in self.entries:
                return False
            self._append({"op": "delete", "key": key})
            return True

    def compact(self):
        with self.lock:
            return self._compact()

    def _compact(self):
        """Snapshot (temporary file, fsync, rename, fsync the directory), and only then an empty log."""
        tmp = self.snapshot_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"entries": list(self.entries.items())}, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.snapshot_path)
        dir_fd = os.open(self.dir, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        os.ftruncate(self.fd, 0)
        os.fsync(self.fd)
        self.wal_bytes = 0
        return len(self.entries)
