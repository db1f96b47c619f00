# frozen_string_literal: true

# Token buckets refilled lazily from elapsed monotonic time. WEBrick serves requests on parallel threads, so
# every read-modify-write of a bucket happens under one mutex; without it two requests can both see one token
# left and both be admitted.
class BucketRegistry
  Bucket = Struct.new(:tokens, :updated_at)

  def initialize(defaults, now: -> { Process.clock_gettime(Process::CLOCK_MONOTONIC) })
    @defaults = defaults
    @now = now
    @lock = Mutex.new
    @configs = {}
    @buckets = {}
  end

  # Consumes one token if one is available; a rejection consumes nothing.
  def take(key)
    @lock.synchronize do
      capacity, rate = config(key)
      bucket = refill(key)
      if bucket.tokens >= 1
        bucket.tokens -= 1
        { allowed: true, capacity: capacity, remaining: bucket.tokens.floor }
      else
        { allowed: false, capacity: capacity, remaining: 0, retry_after: [1, ((1 - bucket.tokens) / rate).ceil].max }
      end
    end
  end

  # Spent tokens stay spent; a lower capacity clamps the bucket.
  def configure(key, capacity, rate)
    @lock.synchronize do
      seen = @buckets.key?(key)
      refill(key) if seen # settle elapsed time at the old rate first
      @configs[key] = [capacity, rate]
      @buckets[key].tokens = [@buckets[key].tokens, capacity].min if seen
    end
  end

  def get(key)
    @lock.synchronize do
      return nil unless @configs.key?(key)

      capacity, rate = @configs[key]
      { capacity: capacity, refillPerSecond: rate, remaining: refill(key).tokens.floor }
    end
  end

  # Back to the defaults with a fresh bucket sized for them.
  def remove(key)
    @lock.synchronize do
      return false unless @configs.delete(key)

      @buckets.delete(key)
      true
    end
  end

  private

  def config(key) = @configs.fetch(key, @defaults)

  def refill(key)
    capacity, rate = config(key)
    now = @now.call
    bucket = @buckets[key]
    return @buckets[key] = Bucket.new(capacity.to_f, now) unless bucket # first sight of a key: full bucket

    bucket.tokens = [capacity.to_f, bucket.tokens + ((now - bucket.updated_at) * rate)].min
    bucket.updated_at = now
    bucket
  end
end
