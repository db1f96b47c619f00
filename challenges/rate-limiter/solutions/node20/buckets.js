'use strict';

/**
 * Token buckets refilled lazily: tokens are recomputed from elapsed time whenever a bucket is touched, so no
 * timer per key is needed and idle keys cost nothing. Time comes from a monotonic clock so wall-clock jumps
 * (NTP, manual changes) can neither mint nor steal tokens. Node runs each request's handler to completion on
 * one thread, so take() is atomic without a lock as long as it stays synchronous.
 */
class BucketRegistry {
  constructor(defaults, now = () => performance.now() / 1000) {
    this.defaults = defaults;
    this.now = now;
    this.configs = new Map(); // explicitly configured keys
    this.buckets = new Map(); // key -> { tokens, updatedAt }
  }

  config(key) {
    return this.configs.get(key) ?? this.defaults;
  }

  refill(key) {
    const { capacity, refillPerSecond } = this.config(key);
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: capacity, updatedAt: now }; // a key seen for the first time starts full
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerSecond);
      bucket.updatedAt = now;
    }
    return bucket;
  }

  /** Consumes one token if available. Rejections consume nothing, so retrying clients are not punished twice. */
  take(key) {
    const { capacity, refillPerSecond } = this.config(key);
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, capacity, remaining: Math.floor(bucket.tokens) };
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    return { allowed: false, capacity, remaining: 0, retryAfter };
  }

  /** New settings apply from now on; tokens already spent stay spent, and a lower capacity clamps the bucket. */
  configure(key, config) {
    if (this.buckets.has(key)) this.refill(key); // settle elapsed time at the old rate first
    this.configs.set(key, config);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(bucket.tokens, config.capacity);
  }

  get(key) {
    const config = this.configs.get(key);
    if (!config) return undefined;
    return { ...config, remaining: Math.floor(this.refill(key).tokens) };
  }

  /** Back to the defaults with a fresh bucket; the old bucket was sized for a different capacity. */
  remove(key) {
    if (!this.configs.delete(key)) return false;
    this.buckets.delete(key);
    return true;
  }
}

module.exports = { BucketRegistry };
