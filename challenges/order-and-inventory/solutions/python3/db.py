"""A small thread-safe pool of psycopg connections (psycopg_pool is not in the offline library set)."""
import queue
import threading
from contextlib import contextmanager

import psycopg
from psycopg.rows import dict_row


class Pool:
    def __init__(self, url, size=10):
        self.url = url
        self.idle = queue.LifoQueue()
        # At most `size` connections exist; a request beyond that waits for one to come back.
        self.slots = threading.BoundedSemaphore(size)

    @contextmanager
    def connection(self):
        """A connection for one unit of work; afterwards it is rolled back to a clean state or discarded."""
        with self.slots:
            try:
                conn = self.idle.get_nowait()
            except queue.Empty:
                conn = psycopg.connect(self.url, row_factory=dict_row)
            try:
                yield conn
            finally:
                self._put_back(conn)

    def _put_back(self, conn):
        if conn.closed or conn.broken:
            return
        try:
            conn.rollback()  # never hand on an open transaction
        except psycopg.Error:
            conn.close()
            return
        self.idle.put(conn)
