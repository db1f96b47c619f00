// Keys in memory; every change appended to wal.log and fsynced before it is acknowledged. Records are JSON lines
// carrying the key's resulting state, so replaying one twice is harmless: compaction writes the snapshot first
// and empties the log afterwards. One mutex serialises check, append and update, which is what makes
// compare-and-set and versions exact.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

struct Entry {
  std::string value;
  int64_t version;
};

struct Conflict {
  int64_t current;
};

class KvStore {
 public:
  KvStore(const std::string& dir, int64_t compact_at_bytes);
  ~KvStore();
  std::optional<Entry> get(const std::string& key);
  /** if_version: nullopt for an unconditional write, 0 for "only if absent"; throws Conflict on a mismatch */
  Entry put(const std::string& key, const std::string& value, std::optional<int64_t> if_version);
  /** false when the key does not exist */
  bool remove(const std::string& key);
  size_t compact();

 private:
  void replay();
  void apply(const nlohmann::json& record);
  void append(const nlohmann::json& record);
  size_t compact_locked();
  std::string dir_;
  int64_t compact_at_bytes_;
  int64_t wal_bytes_ = 0;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  int fd_ = -1;
};
