#include "kv_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

using json = nlohmann::json;

namespace {
void write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) throw std::runtime_error("write failed");
    done += static_cast<size_t>(n);
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
}  // namespace

KvStore::KvStore(const std::string& dir, int64_t compact_at_bytes) : dir_(dir), compact_at_bytes_(compact_at_bytes) {
  mkdir(dir.c_str(), 0755);
  const std::string snapshot = read_file(dir_ + "/snapshot.json");  // renamed into place: always complete
  if (!snapshot.empty()) {
    const json parsed = json::parse(snapshot);  // named: a temporary would die before the loop runs
    for (auto& [key, e] : parsed["entries"].items()) {
      entries_[key] = Entry{e["value"].get<std::string>(), e["version"].get<int64_t>()};
    }
  }
  fd_ = open((dir_ + "/wal.log").c_str(), O_RDWR | O_CREAT | O_APPEND, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open wal.log");
  replay();
}

KvStore::~KvStore() {
  if (fd_ >= 0) close(fd_);
}

// Applies every complete record; cuts off a torn tail so the next append does not land behind it.
void KvStore::replay() {
  const std::string data = read_file(dir_ + "/wal.log");
  size_t start = 0;
  while (start < data.size()) {
    const size_t end = data.find('\n', start);
    if (end == std::string::npos) break;  // no newline: the write was cut short and never acknowledged
    json record = json::parse(data.substr(start, end - start), nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("op") || !record.contains("key")) break;
    apply(record);
    start = end + 1;
  }
  if (start < data.size()) {
    if (ftruncate(fd_, static_cast<off_t>(start)) != 0 || fsync(fd_) != 0) throw std::runtime_error("cannot cut the torn tail");
  }
  wal_bytes_ = static_cast<int64_t>(start);
}

void KvStore::apply(const json& record) {
  const auto key = record["key"].get<std::string>();
  if (record["op"] == "put") {
    entries_[key] = Entry{record["value"].get<std::string>(), record["version"].get<int64_t>()};
  } else {
    entries_.erase(key);
  }
}

void KvStore::append(const json& record) {
  const std::string line = record.dump() + "\n";
  write_all(fd_, line);
  if (fdatasync(fd_) != 0) throw std::runtime_error("fsync failed");  // durable before it is acknowledged
  wal_bytes_ += static_cast<int64_t>(line.size());
  apply(record);
  if (wal_bytes_ >= compact_at_bytes_) compact_locked();
}

std::optional<Entry> KvStore::get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

Entry KvStore::put(const std::string& key, const std::string& value, std::optional<int64_t> if_version) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  const int64_t current = it == entries_.end() ? 0 : it->second.version;
  if (if_version && *if_version != current) throw Conflict{current};
  append({{"op", "put"}, {"key", key}, {"value", value}, {"version", current + 1}});
  return entries_[key];
}

bool KvStore::remove(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!entries_.count(key)) return false;
  append({{"op", "delete"}, {"key", key}});
  return true;
}

size_t KvStore::compact() {
  std::lock_guard<std::mutex> lock(mu_);
  return compact_locked();
}

// Snapshot to a temporary file, fsync, rename, fsync the directory, and only then an empty log.
size_t KvStore::compact_locked() {
  json all = json::object();
  for (const auto& [key, e] : entries_) all[key] = {{"value", e.value}, {"version", e.version}};
  const std::string tmp = dir_ + "/snapshot.json.tmp";
  int out = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) throw std::runtime_error("cannot write the snapshot");
  write_all(out, json{{"entries", all}}.dump());
  fsync(out);
  close(out);
  if (std::rename(tmp.c_str(), (dir_ + "/snapshot.json").c_str()) != 0) throw std::runtime_error("cannot install the snapshot");
  int d = open(dir_.c_str(), O_RDONLY);
  if (d >= 0) {
    fsync(d);
    close(d);
  }
  if (ftruncate(fd_, 0) != 0 || fsync(fd_) != 0) throw std::runtime_error("cannot empty the log");
  wal_bytes_ = 0;
  return entries_.size();
}
