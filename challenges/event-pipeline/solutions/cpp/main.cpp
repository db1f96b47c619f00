// Event pipeline reference solution in C++17: cpp-httplib, nlohmann-json, an in-memory index and an fsynced log.
#include <fcntl.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <vector>

using json = nlohmann::json;

namespace {

const std::regex kIso(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$)");
const std::map<std::string, long long> kWindowsMs = {{"minute", 60'000}, {"hour", 3'600'000}, {"day", 86'400'000}};
constexpr size_t kMaxBodyBytes = 10 * 1024 * 1024;

struct Event {
  std::string id, type;
  long long ts;
  std::optional<double> value;
};

/** Epoch milliseconds, or nullopt for anything but the contract's format or an impossible date (Feb 30). */
std::optional<long long> parse_timestamp(const std::string& s) {
  std::smatch m;
  if (!std::regex_match(s, m, kIso)) return std::nullopt;
  int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]), h = std::stoi(m[4]), mi = std::stoi(m[5]), sec = std::stoi(m[6]);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && leap) || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
  long long ms = static_cast<long long>(timegm(&tm)) * 1000;
  if (m[7].matched) ms += static_cast<long long>(std::floor(std::stod("0" + m[7].str()) * 1000));
  if (m[9].matched) {
    long long offset = (std::stoi(m[10]) * 60 + std::stoi(m[11])) * 60'000LL;
    ms += m[9] == "+" ? -offset : offset;
  }
  return ms;
}

std::string to_iso(long long ms) {
  std::time_t secs = static_cast<std::time_t>(std::floor(ms / 1000.0));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32], out[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(out, sizeof out, "%s.%03lldZ", buf, ((ms % 1000) + 1000) % 1000);
  return out;
}

std::string validate(const std::string& line, std::vector<Event>& out) {
  json raw = json::parse(line, nullptr, false);
  if (raw.is_discarded()) return "invalid JSON";
  if (!raw.is_object()) return "line must be a JSON object";
  auto text_of = [&](const char* field, size_t max) -> std::optional<std::string> {
    if (!raw.contains(field) || !raw[field].is_string()) return std::nullopt;
    auto v = raw[field].get<std::string>();
    size_t chars = std::count_if(v.begin(), v.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; });
    if (v.empty() || chars > max) return std::nullopt;
    return v;
  };
  auto id = text_of("id", 128);
  if (!id) return "id must be a non-empty string of at most 128 characters";
  auto type = text_of("type", 64);
  if (!type) return "type must be a non-empty string of at most 64 characters";
  auto ts = raw.contains("timestamp") && raw["timestamp"].is_string() ? parse_timestamp(raw["timestamp"].get<std::string>()) : std::nullopt;
  if (!ts) return "timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z";
  std::optional<double> value;
  if (raw.contains("value")) {
    if (!raw["value"].is_number() || !std::isfinite(raw["value"].get<double>())) return "value, when present, must be a finite number";
    value = raw["value"].get<double>();
  }
  out.push_back({*id, *type, *ts, value});
  return "";
}

/** Events in memory, each batch's new ones appended to a log fsynced before the batch is acknowledged. */
class EventStore {
 public:
  explicit EventStore(const std::string& dir) {
    mkdir(dir.c_str(), 0755);
    const std::string path = dir + "/events.log";
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
      json e = json::parse(line, nullptr, false);
      if (e.is_discarded()) break;  // a line cut short by a crash was never acknowledged
      add({e["id"], e["type"], e["ts"], e["value"].is_null() ? std::nullopt : std::optional<double>(e["value"].get<double>())});
    }
    fd_ = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  }

  int insert_new(const std::vector<Event>& events) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    int accepted = 0;
    for (const auto& e : events) {
      if (!add(e)) continue;
      out += json{{"id", e.id}, {"type", e.type}, {"ts", e.ts}, {"value", e.value ? json(*e.value) : json(nullptr)}}.dump() + "\n";
      accepted++;
    }
    if (accepted > 0 && (write(fd_, out.data(), out.size()) != static_cast<ssize_t>(out.size()) || fsync(fd_) != 0)) {
      throw std::runtime_error("cannot write the log");
    }
    return accepted;
  }

  std::optional<Event> get(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
  }

  /** (start, type) -> (count, sum); std::map keeps the contract's order: start, then type. */
  std::map<std::pair<long long, std::string>, std::pair<int, double>> aggregate(long long window, long long from, long long to, const std::string* type) {
    std::lock_guard<std::mutex> lock(mu_);
    std::map<std::pair<long long, std::string>, std::pair<int, double>> acc;
    for (const auto& [id, e] : by_id_) {
      if (e.ts < from || e.ts >= to || (type && e.type != *type)) continue;
      long long start = e.ts - (((e.ts % window) + window) % window);
      auto& b = acc[{start, e.type}];
      b.first++;
      b.second += e.value.value_or(0);
    }
    return acc;
  }

 private:
  bool add(const Event& e) { return by_id_.emplace(e.id, e).second; }
  std::mutex mu_;
  std::map<std::string, Event> by_id_;
  int fd_ = -1;
};

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void fail(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send(res, status, {{"error", code}, {"message", message}});
}

json number(double v) { return v == std::floor(v) && std::fabs(v) < 1e15 ? json(static_cast<long long>(v)) : json(v); }

}  // namespace

int main() {
  const char* data_dir = std::getenv("DATA_DIR");
  EventStore store(data_dir && *data_dir ? data_dir : ".data");
  httplib::Server server;
  // One pool thread per concurrent client the suites open; idle keep-alive connections hold theirs.
  server.new_task_queue = [] { return new httplib::ThreadPool(72); };
  server.set_payload_max_length(kMaxBodyBytes + 1);
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { send(res, 200, {{"status", "ok"}}); });
  server.Post("/events", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > kMaxBodyBytes) return fail(res, 413, "payload_too_large", "batches are limited to 10 MB");
    std::vector<Event> events;
    json errors = json::array();
    int non_blank = 0, number_of_line = 0;
    // Line numbers count every physical line, blank ones included, so they match the client's file.
    size_t pos = 0;
    while (pos <= req.body.size()) {
      size_t end = req.body.find('\n', pos);
      if (end == std::string::npos) end = req.body.size();
      std::string line = req.body.substr(pos, end - pos);
      number_of_line++;
      pos = end + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      non_blank++;
      std::string reason = validate(line, events);
      if (!reason.empty()) errors.push_back({{"line", number_of_line}, {"reason", reason}});
    }
    if (non_blank == 0) return fail(res, 400, "empty_batch", "the body contains no event lines");
    int accepted = store.insert_new(events);
    send(res, 200, {{"accepted", accepted}, {"duplicates", static_cast<int>(events.size()) - accepted}, {"rejected", errors.size()}, {"errors", errors}});
  });
  server.Get(R"(/events/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    auto e = store.get(req.matches[1]);
    if (!e) return fail(res, 404, "not_found", "no event with this id");
    send(res, 200, {{"id", e->id}, {"type", e->type}, {"timestamp", to_iso(e->ts)}, {"value", e->value ? json(*e->value) : json(nullptr)}});
  });
  server.Get("/aggregates", [&](const httplib::Request& req, httplib::Response& res) {
    auto window = kWindowsMs.find(req.get_param_value("window"));
    if (window == kWindowsMs.end()) return fail(res, 400, "invalid_window", "window must be minute, hour or day");
    auto from = parse_timestamp(req.get_param_value("from"));
    auto to = parse_timestamp(req.get_param_value("to"));
    if (!from || !to) return fail(res, 400, "invalid_range", "from and to are required ISO 8601 date-times with a timezone");
    if (*from >= *to) return fail(res, 400, "invalid_range", "from must be before to");
    std::string type = req.get_param_value("type");
    const bool typed = req.has_param("type");
    json body = {{"window", window->first}, {"from", to_iso(*from)}, {"to", to_iso(*to)}};
    if (typed) body["type"] = type;
    json buckets = json::array();
    for (const auto& [k, v] : store.aggregate(window->second, *from, *to, typed ? &type : nullptr)) {
      buckets.push_back({{"start", to_iso(k.first)}, {"type", k.second}, {"count", v.first}, {"sum", number(v.second)}});
    }
    body["buckets"] = buckets;
    send(res, 200, body);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) fail(res, res.status, res.status == 404 ? "not_found" : "bad_request", "no such route");
  });
  const char* port = std::getenv("PORT");
  std::cout << "event-pipeline listening on " << (port ? port : "8080") << std::endl;
  server.listen("0.0.0.0", port ? std::atoi(port) : 8080);
}
