import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets refilled lazily from elapsed monotonic time. The HTTP server runs requests on a thread pool, so
 * every read-modify-write of a bucket happens under the registry's lock (synchronized); without it two requests
 * can both see one token left and both be admitted.
 */
final class BucketRegistry {
  record Config(int capacity, double refillPerSecond) {}

  record Decision(boolean allowed, int capacity, int remaining, int retryAfter) {}

  private static final class Bucket {
    double tokens;
    long updatedAtNanos;
  }

  private final Config defaults;
  private final LongSupplier nanoClock;
  private final Map<String, Config> configs = new HashMap<>();
  private final Map<String, Bucket> buckets = new HashMap<>();

  BucketRegistry(Config defaults, LongSupplier nanoClock) {
    this.defaults = defaults;
    this.nanoClock = nanoClock;
  }

  private Config config(String key) {
    return configs.getOrDefault(key, defaults);
  }

  private Bucket refill(String key) {
    Config c = config(key);
    long now = nanoClock.getAsLong();
    Bucket b = buckets.get(key);
    if (b == null) { // first sight of a key: full bucket
      b = new Bucket();
      b.tokens = c.capacity();
      b.updatedAtNanos = now;
      buckets.put(key, b);
      return b;
    }
    b.tokens = Math.min(c.capacity(), b.tokens + (now - b.updatedAtNanos) / 1e9 * c.refillPerSecond());
    b.updatedAtNanos = now;
    return b;
  }

  /** Consumes one token if one is available; a rejection consumes nothing. */
  synchronized Decision take(String key) {
    Config c = config(key);
    Bucket b = refill(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return new Decision(true, c.capacity(), (int) Math.floor(b.tokens), 0);
    }
    int retry = (int) Math.max(1, Math.ceil((1 - b.tokens) / c.refillPerSecond()));
    return new Decision(false, c.capacity(), 0, retry);
  }

  /** Spent tokens stay spent; a lower capacity clamps the bucket. */
  synchronized void configure(String key, Config c) {
    boolean seen = buckets.containsKey(key);
    if (seen) refill(key); // settle elapsed time at the old rate first
    configs.put(key, c);
    if (seen) buckets.get(key).tokens = Math.min(buckets.get(key).tokens, c.capacity());
  }

  /** The key's config and whole tokens left, or null when it was never configured. */
  synchronized Object[] get(String key) {
    Config c = configs.get(key);
    if (c == null) return null;
    return new Object[] {c, (int) Math.floor(refill(key).tokens)};
  }

  /** Back to the defaults with a fresh bucket sized for them. */
  synchronized boolean remove(String key) {
    if (configs.remove(key) == null) return false;
    buckets.remove(key);
    return true;
  }
}
