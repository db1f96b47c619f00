'use strict';
// Read-through cache of products in Redis. Entries are "<version>:<json>" and are only ever replaced by a newer
// version (one Lua script, atomic in Redis). That closes the classic race where a reader loads the old row,
// a writer commits and refreshes the cache, and the reader then writes its old row over the fresh one.
const TTL_SECONDS = 300; // a safety net: an entry left stale by a failed refresh is gone after 5 minutes

const SET_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local version = tonumber(string.match(current, '^(%d+):'))
  if version and version >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'EX', ARGV[3])
return 1
`;

class ProductCache {
  constructor(redis) {
    this.redis = redis;
    redis.defineCommand('setIfNewer', { numberOfKeys: 1, lua: SET_IF_NEWER });
  }

  key(sku) {
    return `product:${sku}`;
  }

  /** The cached product, or undefined on a miss or when Redis is unavailable (the database answers then). */
  async get(sku) {
    try {
      const entry = await this.redis.get(this.key(sku));
      if (entry === null) return undefined;
      return JSON.parse(entry.slice(entry.indexOf(':') + 1));
    } catch (err) {
      console.error(`cache read failed for ${sku}: ${err.message}`);
      return undefined;
    }
  }

  /** Stores a product row read from or written to the database (with its version). Called only after commit. */
  async put(row, product) {
    try {
      await this.redis.setIfNewer(this.key(row.sku), String(row.version), JSON.stringify(product), TTL_SECONDS);
    } catch (err) {
      // The refresh failed: drop the entry rather than leave an old one; if that fails too, the TTL bounds it.
      console.error(`cache refresh failed for ${row.sku}: ${err.message}`);
      await this.redis.del(this.key(row.sku)).catch(() => {});
    }
  }
}

module.exports = { ProductCache };
