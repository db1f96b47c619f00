"""Read-through cache of products in Redis.

Entries are "<version>:<json>" and are only ever replaced by a newer version (one Lua script, atomic in Redis).
That closes the classic race where a reader loads the old row, a writer commits and refreshes the cache, and the
reader then writes its old row over the fresh one.
"""
import json
import sys

import redis

TTL_SECONDS = 300  # a safety net: an entry left stale by a failed refresh is gone after 5 minutes

SET_IF_NEWER = """
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+):'))
  if version and version >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3])
return 1
"""


class ProductCache:
    def __init__(self, url):
        self.redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.set_if_newer = self.redis.register_script(SET_IF_NEWER)

    @staticmethod
    def key(sku):
        return f"product:{sku}"

    def get(self, sku):
        """The cached product, or None on a miss or when Redis is unavailable (the database answers then)."""
        try:
            entry = self.redis.get(self.key(sku))
        except redis.RedisError as err:
            print(f"cache read failed for {sku}: {err}", file=sys.stderr, flush=True)
            return None
        if entry is None:
            return None
        return json.loads(entry.decode().split(":", 1)[1])

    def put(self, version, product):
        """Stores a product read from or written to the database. Called only after commit."""
        try:
            self.set_if_newer(keys=[self.key(product["sku"])], args=[version, json.dumps(product), TTL_SECONDS])
        except redis.RedisError as err:
            # The refresh failed: drop the entry rather than leave an old one; if that fails too, the TTL bounds it.
            print(f"cache refresh failed for {product['sku']}: {err}", file=sys.stderr, flush=True)
            try:
                self.redis.delete(self.key(product["sku"]))
            except redis.RedisError:
                pass
