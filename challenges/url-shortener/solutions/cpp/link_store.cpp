#include "link_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

LinkStore::LinkStore(const std::string& dir) {
  mkdir(dir.c_str(), 0755);
  const std::string path = dir + "/links.log";
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto event = nlohmann::json::parse(line, nullptr, false);
    if (event.is_discarded()) break;  // a line cut short by a crash was never acknowledged
    apply(event);
  }
  fd_ = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open " + path);
}

LinkStore::~LinkStore() {
  if (fd_ >= 0) close(fd_);
}

void LinkStore::apply(const nlohmann::json& event) {
  if (event["op"] == "create") {
    links_[event["link"]["code"].get<std::string>()] = event["link"];
  } else if (auto it = links_.find(event["code"].get<std::string>()); it != links_.end()) {
    it->second["clicks"] = it->second["clicks"].get<int>() + 1;
    it->second["lastAccessedAt"] = event["at"];
  }
}

void LinkStore::write(const nlohmann::json& event) {
  const std::string line = event.dump() + "\n";
  if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || fsync(fd_) != 0) {
    throw std::runtime_error("cannot write the log");
  }
}

bool LinkStore::insert(const nlohmann::json& link) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto code = link["code"].get<std::string>();
  if (links_.count(code)) return false;
  write({{"op", "create"}, {"link", link}});
  links_[code] = link;
  return true;
}

std::optional<nlohmann::json> LinkStore::get(const std::string& code) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = links_.find(code);
  if (it == links_.end()) return std::nullopt;
  return it->second;
}

void LinkStore::click(const std::string& code, const std::string& at) {
  std::lock_guard<std::mutex> lock(mu_);
  nlohmann::json event = {{"op", "click"}, {"code", code}, {"at", at}};
  write(event);
  apply(event);
}
