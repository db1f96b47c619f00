// Token buckets refilled lazily from elapsed monotonic time. httplib serves requests on a thread pool, so every
// read-modify-write of a bucket happens under one mutex; without it two requests can both see one token left
// and both be admitted.
#pragma once
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <string>

struct Config {
  int capacity;
  double refill_per_second;
};

struct Decision {
  bool allowed;
  int capacity, remaining, retry_after;
};

class BucketRegistry {
 public:
  using Clock = std::chrono::steady_clock;
  explicit BucketRegistry(Config defaults) : defaults_(defaults) {}

  /** Consumes one token if one is available; a rejection consumes nothing. */
  Decision take(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    Config c = config(key);
    Bucket& b = refill(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return {true, c.capacity, static_cast<int>(std::floor(b.tokens)), 0};
    }
    int retry = static_cast<int>(std::max(1.0, std::ceil((1 - b.tokens) / c.refill_per_second)));
    return {false, c.capacity, 0, retry};
  }

  /** Spent tokens stay spent; a lower capacity clamps the bucket. */
  void configure(const std::string& key, Config c) {
    std::lock_guard<std::mutex> lock(mu_);
    bool seen = buckets_.count(key) > 0;
    if (seen) refill(key);  // settle elapsed time at the old rate first
    configs_[key] = c;
    if (seen) buckets_[key].tokens = std::min(buckets_[key].tokens, static_cast<double>(c.capacity));
  }

  /** The key's config and whole tokens left; nullopt when it was never configured. */
  std::optional<std::pair<Config, int>> get(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = configs_.find(key);
    if (it == configs_.end()) return std::nullopt;
    return std::make_pair(it->second, static_cast<int>(std::floor(refill(key).tokens)));
  }

  /** Back to the defaults with a fresh bucket sized for them. */
  bool remove(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    if (configs_.erase(key) == 0) return false;
    buckets_.erase(key);
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated_at;
  };

  Config config(const std::string& key) const {
    auto it = configs_.find(key);
    return it == configs_.end() ? defaults_ : it->second;
  }

  Bucket& refill(const std::string& key) {
    Config c = config(key);
    auto now = Clock::now();
    auto it = buckets_.find(key);
    if (it == buckets_.end()) return buckets_[key] = Bucket{static_cast<double>(c.capacity), now};  // first sight: full
    double elapsed = std::chrono::duration<double>(now - it->second.updated_at).count();
    it->second.tokens = std::min(static_cast<double>(c.capacity), it->second.tokens + elapsed * c.refill_per_second);
    it->second.updated_at = now;
    return it->second;
  }

  Config defaults_;
  std::mutex mu_;
  std::map<std::string, Config> configs_;
  std::map<std::string, Bucket> buckets_;
};
