"""SQLite storage. The primary key on id makes de-duplication atomic, so concurrent batches that share ids
cannot both store one; each batch is one transaction, so an acknowledged batch is durable as a whole."""
import os
import sqlite3
import threading


class EventStore:
    def __init__(self, data_dir):
        os.makedirs(data_dir, exist_ok=True)
        self.lock = threading.Lock()
        self.db = sqlite3.connect(os.path.join(data_dir, "events.db"), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, type TEXT NOT NULL, ts INTEGER NOT NULL, value REAL)"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS events_ts ON events (ts, type)")

    def insert_new(self, events):
        """Returns how many events were new; first occurrence of an id wins."""
        with self.lock:
            cur = self.db.cursor()
            cur.execute("BEGIN")
            try:
                accepted = 0
                for e in events:
                    cur.execute(
                        "INSERT OR IGNORE INTO events (id, type, ts, value) VALUES (?, ?, ?, ?)",
                        (e["id"], e["type"], e["ts"], e["value"]),
                    )
                    accepted += cur.rowcount
                cur.execute("COMMIT")
            except Exception:
                cur.execute("ROLLBACK")
                raise
            return accepted

    def get(self, eid):
        with self.lock:
            row = self.db.execute("SELECT id, type, ts, value FROM events WHERE id = ?", (eid,)).fetchone()
        if row is None:
            return None
        value = row[3]
        # SQLite REAL turns 3 into 3.0; give integers back as integers so clients see what they sent.
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return {"id": row[0], "type": row[1], "ts": row[2], "value": value}

    def aggregate(self, window_ms, start, end, etype=None):
        sql = (
            "SELECT ts - (ts % ?) AS bucket, type, COUNT(*), COALESCE(SUM(value), 0) FROM events "
            "WHERE ts >= ? AND ts < ?" + (" AND type = ?" if etype is not None else "") +
            " GROUP BY bucket, type ORDER BY bucket, type"
        )
        params = [window_ms, start, end] + ([etype] if etype is not None else [])
        with self.lock:
            return self.db.execute(sql, params).fetchall()
