// Links in memory, every change in an append-only log fsynced before it is acknowledged. One mutex serialises
// writers, which is what makes "exactly one of many concurrent aliases wins" hold.
#pragma once
#include <nlohmann/json.hpp>
#include <map>
#include <mutex>
#include <optional>
#include <string>

class LinkStore {
 public:
  explicit LinkStore(const std::string& dir);
  ~LinkStore();
  /** false when the code is already taken */
  bool insert(const nlohmann::json& link);
  std::optional<nlohmann::json> get(const std::string& code);
  void click(const std::string& code, const std::string& at);

 private:
  void apply(const nlohmann::json& event);
  void write(const nlohmann::json& event);
  std::mutex mu_;
  std::map<std::string, nlohmann::json> links_;
  int fd_ = -1;
};
