// URL shortener reference solution in C++17: cpp-httplib, nlohmann-json, an fsynced append-only log.
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>
#include <regex>
#include <set>

#include "link_store.hpp"

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

const std::regex kAlias("^[A-Za-z0-9_-]{3,32}$");
const std::regex kIso(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$)");
const std::regex kUrl(R"(^https?://[^/?#:@\s]+(:\d*)?([/?#].*)?$)", std::regex::icase);
const std::set<std::string> kReserved = {"health", "links"};

struct ApiError {
  int status;
  std::string code, message;
};

std::string env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

/** milliseconds since the epoch -> 2025-03-01T09:30:00.000Z */
std::string iso(long long ms) {
  std::time_t secs = ms / 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03lldZ", buf, ms % 1000);
  return out;
}

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

/** ISO 8601 with a timezone -> milliseconds since the epoch, or nullopt */
std::optional<long long> parse_iso(const std::string& s) {
  std::smatch m;
  if (!std::regex_match(s, m, kIso)) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(m[1]) - 1900;
  tm.tm_mon = std::stoi(m[2]) - 1;
  tm.tm_mday = std::stoi(m[3]);
  tm.tm_hour = std::stoi(m[4]);
  tm.tm_min = std::stoi(m[5]);
  tm.tm_sec = m[6].matched ? std::stoi(m[6]) : 0;
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) return std::nullopt;
  long long ms = static_cast<long long>(timegm(&tm)) * 1000;
  if (m[7].matched) ms += static_cast<long long>(std::stod("0" + m[7].str()) * 1000);
  if (m[9].matched) {
    long long offset = (std::stoi(m[10]) * 60 + std::stoi(m[11])) * 60'000LL;
    ms += m[9] == "+" ? -offset : offset;
  }
  return ms;
}

std::string random_code() {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string code;
  for (int i = 0; i < 7; i++) code += alphabet[pick(rng)];
  return code;
}

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

json view(const httplib::Request& req, json link) {
  link["shortUrl"] = "http://" + req.get_header_value("Host") + "/" + link["code"].get<std::string>();
  return link;
}

json validated_link(const std::string& raw) {
  json body = json::parse(raw, nullptr, false);
  if (body.is_discarded()) throw ApiError{400, "invalid_json", "request body must be valid JSON"};
  if (!body.is_object()) throw ApiError{400, "invalid_body", "body must be a JSON object"};
  const long long now = now_ms();
  if (!body.contains("url") || !body["url"].is_string() || body["url"].get<std::string>().empty() ||
      body["url"].get<std::string>().size() > 2048) {
    throw ApiError{400, "invalid_url", "url is required: a string of at most 2048 characters"};
  }
  const auto url = body["url"].get<std::string>();
  if (!std::regex_match(url, kUrl)) throw ApiError{400, "invalid_url", "url must be an absolute http or https URL"};
  json link = {{"code", ""}, {"url", url}, {"createdAt", iso(now)}, {"expiresAt", nullptr}, {"clicks", 0}, {"lastAccessedAt", nullptr}};
  if (body.contains("expiresAt") && !body["expiresAt"].is_null()) {
    auto at = body["expiresAt"].is_string() ? parse_iso(body["expiresAt"].get<std::string>()) : std::nullopt;
    if (!at) throw ApiError{400, "invalid_expires_at", "expiresAt must be an ISO 8601 timestamp with a timezone"};
    if (*at <= now) throw ApiError{400, "invalid_expires_at", "expiresAt must be in the future"};
    link["expiresAt"] = iso(*at);
  }
  if (body.contains("alias") && !body["alias"].is_null()) {
    if (!body["alias"].is_string() || !std::regex_match(body["alias"].get<std::string>(), kAlias)) {
      throw ApiError{400, "invalid_alias", "alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -"};
    }
    if (kReserved.count(body["alias"].get<std::string>())) throw ApiError{409, "alias_taken", "alias is already in use"};
    link["code"] = body["alias"];
  }
  return link;
}

}  // namespace

int main() {
  LinkStore store(env("DATA_DIR", ".data"));
  httplib::Server server;
  // httplib gives each keep-alive connection a pool thread until it idles out (5 s by default): with the
  // default 8 threads, 40 concurrent clients would queue for seconds. More threads, shorter idle keep-alive.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_timeout(1);
  // Every handler answers through ApiError; anything else is a bug, reported as a JSON 500.
  auto guarded = [](auto handler) {
    return [handler](const httplib::Request& req, httplib::Response& res) {
      try {
        handler(req, res);
      } catch (const ApiError& e) {
        send(res, e.status, {{"error", e.code}, {"message", e.message}});
      } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << std::endl;
        send(res, 500, {{"error", "internal"}, {"message", "unexpected error"}});
      }
    };
  };
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { send(res, 200, {{"status", "ok"}}); });
  server.Post("/links", guarded([&](const httplib::Request& req, httplib::Response& res) {
    json link = validated_link(req.body);
    if (!link["code"].get<std::string>().empty()) {
      if (!store.insert(link)) throw ApiError{409, "alias_taken", "alias is already in use"};
    } else {
      do link["code"] = random_code();  // a generated code that collides is simply drawn again
      while (!store.insert(link));
    }
    send(res, 201, view(req, link));
  }));
  server.Get(R"(/links/([^/]+))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    auto link = store.get(req.matches[1]);
    if (!link) throw ApiError{404, "not_found", "no link with this code"};
    send(res, 200, view(req, *link));
  }));
  server.Get(R"(/([^/]+))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.matches[1];
    auto link = store.get(code);
    if (!link) throw ApiError{404, "not_found", "no link with this code"};
    const long long now = now_ms();
    if (!(*link)["expiresAt"].is_null() && *parse_iso((*link)["expiresAt"].get<std::string>()) <= now) {
      throw ApiError{410, "expired", "this link has expired"};
    }
    store.click(code, iso(now));
    res.status = 302;
    res.set_header("Location", (*link)["url"].get<std::string>());
    res.set_header("Cache-Control", "no-store");
  }));
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send(res, res.status, {{"error", res.status == 404 ? "not_found" : "bad_request"}, {"message", "no such route"}});
  });
  const int port = std::stoi(env("PORT", "8080"));
  std::cout << "url-shortener listening on " << port << std::endl;
  server.listen("0.0.0.0", port);
}
