// Rate limiter reference solution in C++17: cpp-httplib, nlohmann-json and a mutex-guarded bucket registry.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "buckets.hpp"

using json = nlohmann::json;

namespace {

const std::regex kKey("^[A-Za-z0-9._-]{1,128}$");
constexpr double kMaxValue = 1'000'000;

struct ApiError {
  int status;
  std::string code, message;
};

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

Config parse_config(const std::string& raw) {
  json body = json::parse(raw, nullptr, false);
  if (body.is_discarded()) throw ApiError{400, "invalid_json", "request body must be valid JSON"};
  if (!body.is_object()) throw ApiError{400, "invalid_body", "body must be a JSON object"};
  const json capacity = body.value("capacity", json());
  const json rate = body.value("refillPerSecond", json());
  // is_number_integer is false for 5.0 and for true: only a JSON integer passes as a capacity.
  if (!capacity.is_number_integer() || capacity.get<long long>() < 1 || capacity.get<long long>() > kMaxValue) {
    throw ApiError{400, "invalid_capacity", "capacity must be an integer from 1 to 1000000"};
  }
  if (!rate.is_number() || rate.get<double>() <= 0 || rate.get<double>() > kMaxValue) {
    throw ApiError{400, "invalid_refill", "refillPerSecond must be a number greater than 0 and at most 1000000"};
  }
  return {capacity.get<int>(), rate.get<double>()};
}

std::string valid_key(const std::string& key) {
  if (!std::regex_match(key, kKey)) throw ApiError{400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -"};
  return key;
}

}  // namespace

int main() {
  BucketRegistry registry({10, 1.0});
  httplib::Server server;
  // httplib gives each keep-alive connection a pool thread until it idles out: 60 concurrent clients would
  // queue behind the default 8 threads, so one thread per client the suite can open at once.
  server.new_task_queue = [] { return new httplib::ThreadPool(72); };
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
  auto limited = guarded([&](const httplib::Request& req, httplib::Response& res) {
    const std::string key = req.get_header_value("X-API-Key");
    if (key.find_first_not_of(" \t") == std::string::npos) throw ApiError{401, "missing_api_key", "send your key in X-API-Key"};
    Decision d = registry.take(key);
    res.set_header("X-RateLimit-Limit", std::to_string(d.capacity));
    res.set_header("X-RateLimit-Remaining", std::to_string(d.remaining));
    if (d.allowed) return send(res, 200, {{"ok", true}, {"key", key}});
    res.set_header("Retry-After", std::to_string(d.retry_after));
    send(res, 429, {{"error", "rate_limited"}, {"message", "too many requests"}, {"retryAfterSeconds", d.retry_after}});
  });
  server.Get(R"(/api/.*)", limited);
  server.Post(R"(/api/.*)", limited);
  server.Put(R"(/api/.*)", limited);
  server.Delete(R"(/api/.*)", limited);
  server.Put(R"(/keys/([^/]+))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    const std::string key = valid_key(req.matches[1]);
    Config c = parse_config(req.body);
    registry.configure(key, c);
    send(res, 200, {{"key", key}, {"capacity", c.capacity}, {"refillPerSecond", c.refill_per_second}});
  }));
  server.Get(R"(/keys/([^/]+))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    const std::string key = valid_key(req.matches[1]);
    auto found = registry.get(key);
    if (!found) throw ApiError{404, "not_found", "key has no explicit configuration"};
    send(res, 200, {{"key", key}, {"capacity", found->first.capacity}, {"refillPerSecond", found->first.refill_per_second}, {"remaining", found->second}});
  }));
  server.Delete(R"(/keys/([^/]+))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    if (!registry.remove(valid_key(req.matches[1]))) throw ApiError{404, "not_found", "key has no explicit configuration"};
    res.status = 204;
  }));
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send(res, res.status, {{"error", res.status == 404 ? "not_found" : "bad_request"}, {"message", "no such route"}});
  });
  const char* port = std::getenv("PORT");
  std::cout << "rate-limiter listening on " << (port ? port : "8080") << std::endl;
  server.listen("0.0.0.0", port ? std::atoi(port) : 8080);
}
