"""Token buckets refilled lazily from elapsed monotonic time.

ThreadingHTTPServer runs requests on parallel threads, so every read-modify-write of a bucket happens under one
lock; without it, two threads can both see one token left and both admit their request.
"""
import math
import threading
import time


class BucketRegistry:
    def __init__(self, defaults, now=time.monotonic):
        self.defaults = defaults
        self.now = now
        self.lock = threading.Lock()
        self.configs = {}
        self.buckets = {}  # key -> [tokens, updated_at]

    def _config(self, key):
        return self.configs.get(key, self.defaults)

    def _refill(self, key):
        capacity, rate = self._config(key)
        now = self.now()
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = [float(capacity), now]  # first sight of a key: full bucket
        else:
            bucket[0] = min(capacity, bucket[0] + (now - bucket[1]) * rate)
            bucket[1] = now
        return bucket

    def take(self, key):
        """Consumes one token if available; rejections consume nothing."""
        with self.lock:
            capacity, rate = self._config(key)
            bucket = self._refill(key)
            if bucket[0] >= 1:
                bucket[0] -= 1
                return {"allowed": True, "capacity": capacity, "remaining": math.floor(bucket[0])}
            retry_after = max(1, math.ceil((1 - bucket[0]) / rate))
            return {"allowed": False, "capacity": capacity, "remaining": 0, "retry_after": retry_after}

    def configure(self, key, capacity, rate):
        """Spent tokens stay spent; a lower capacity clamps the bucket."""
        with self.lock:
            if key in self.buckets:
                self._refill(key)  # settle elapsed time at the old rate first
            self.configs[key] = (capacity, rate)
            if key in self.buckets:
                self.buckets[key][0] = min(self.buckets[key][0], capacity)

    def get(self, key):
        with self.lock:
            if key not in self.configs:
                return None
            capacity, rate = self.configs[key]
            return {"capacity": capacity, "refillPerSecond": rate, "remaining": math.floor(self._refill(key)[0])}

    def remove(self, key):
        """Back to the defaults with a fresh bucket sized for them."""
        with self.lock:
            if self.configs.pop(key, None) is None:
                return False
            self.buckets.pop(key, None)
            return True
