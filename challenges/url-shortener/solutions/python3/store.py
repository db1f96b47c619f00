"""SQLite persistence. One connection guarded by a lock: simple, and SQLite serialises writers anyway."""
import os
import sqlite3
import threading


class AliasTaken(Exception):
    pass


class LinkStore:
    def __init__(self, data_dir):
        os.makedirs(data_dir, exist_ok=True)
        self.lock = threading.Lock()
        self.db = sqlite3.connect(os.path.join(data_dir, "links.db"), check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            """CREATE TABLE IF NOT EXISTS links (
                code TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT,
                clicks INTEGER NOT NULL DEFAULT 0,
                last_accessed_at TEXT
            )"""
        )

    @staticmethod
    def _row(row):
        if row is None:
            return None
        return {
            "code": row["code"],
            "url": row["url"],
            "createdAt": row["created_at"],
            "expiresAt": row["expires_at"],
            "clicks": row["clicks"],
            "lastAccessedAt": row["last_accessed_at"],
        }

    def get(self, code):
        with self.lock:
            return self._row(self.db.execute("SELECT * FROM links WHERE code = ?", (code,)).fetchone())

    def insert(self, link):
        # The primary key makes the alias check atomic: two concurrent requests cannot both insert.
        try:
            with self.lock:
                self.db.execute(
                    "INSERT INTO links (code, url, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    (link["code"], link["url"], link["createdAt"], link["expiresAt"]),
                )
        except sqlite3.IntegrityError:
            raise AliasTaken()
        return link

    def insert_generated(self, link, generate, reserved):
        while True:
            code = generate()
            if code in reserved:
                continue
            try:
                return self.insert({**link, "code": code})
            except AliasTaken:
                continue

    def click(self, code, at):
        with self.lock:
            self.db.execute(
                "UPDATE links SET clicks = clicks + 1, last_accessed_at = ? WHERE code = ?", (at, code)
            )
