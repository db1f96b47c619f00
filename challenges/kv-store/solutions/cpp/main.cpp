// Durable key-value store reference solution in C++17: cpp-httplib, nlohmann-json, a write-ahead log.
// The default accept backlog of 5 resets connections when many clients connect at once.
#define CPPHTTPLIB_LISTEN_BACKLOG 128
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <regex>

#include "kv_store.hpp"

using json = nlohmann::json;

namespace {

const std::regex kKey("^[A-Za-z0-9._:-]{1,128}$");
constexpr size_t kMaxValueChars = 65536;

struct ApiError {
  int status;
  std::string code, message;
};

std::string env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

void send(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

/** Characters as JavaScript counts them (UTF-16 code units), so the limit matches every client. */
size_t utf16_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += (c >= 0xF0) ? 2 : 1;  // a 4-byte sequence is a surrogate pair
  }
  return n;
}

std::string valid_key(const httplib::Request& req) {
  // The route matched the raw path segment; httplib has already decoded req.path, so decode the match too.
  std::string key = httplib::detail::decode_url(req.matches[1], false);
  if (!std::regex_match(key, kKey)) throw ApiError{400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -"};
  return key;
}

json view(const std::string& key, const Entry& e) { return {{"key", key}, {"value", e.value}, {"version", e.version}}; }

}  // namespace

int main() {
  KvStore store(env("DATA_DIR", ".data"), 1 << 20);
  httplib::Server server;
  // httplib gives each connection a pool thread until it closes or idles out; bursts of clients writing at once
  // queued behind 32 threads had connections reset. 64 stays well inside the sandbox's limit of 128 processes.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_timeout(1);
  auto guarded = [](auto handler) {
    return [handler](const httplib::Request& req, httplib::Response& res) {
      try {
        handler(req, res);
      } catch (const ApiError& e) {
        send(res, e.status, {{"error", e.code}, {"message", e.message}});
      } catch (const Conflict& c) {
        send(res, 409, {{"error", "version_mismatch"}, {"message", "the key is not at the expected version"}, {"currentVersion", c.current}});
      } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << std::endl;
        send(res, 500, {{"error", "internal"}, {"message", "unexpected error"}});
      }
    };
  };
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) { send(res, 200, {{"status", "ok"}}); });
  server.Post("/admin/compact", guarded([&](const httplib::Request&, httplib::Response& res) { send(res, 200, {{"keys", store.compact()}}); }));
  server.Get(R"(/kv/([^/]*))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    const auto key = valid_key(req);
    auto e = store.get(key);
    if (!e) throw ApiError{404, "not_found", "no such key"};
    send(res, 200, view(key, *e));
  }));
  server.Put(R"(/kv/([^/]*))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    const auto key = valid_key(req);
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) throw ApiError{400, "invalid_json", "request body must be valid JSON"};
    if (!body.is_object()) throw ApiError{400, "invalid_body", "body must be a JSON object"};
    if (!body.contains("value") || !body["value"].is_string()) throw ApiError{400, "invalid_value", "value is required and must be a string"};
    const auto value = body["value"].get<std::string>();
    if (utf16_length(value) > kMaxValueChars) throw ApiError{400, "invalid_value", "value must be at most 65536 characters"};
    std::optional<int64_t> if_version;
    if (body.contains("ifVersion") && !body["ifVersion"].is_null()) {
      const auto& v = body["ifVersion"];
      if (!v.is_number_integer() || (v.is_number_unsigned() ? false : v.get<int64_t>() < 0)) {
        throw ApiError{400, "invalid_if_version", "ifVersion must be a whole number, 0 or more"};
      }
      if_version = v.get<int64_t>();
    }
    send(res, 200, view(key, store.put(key, value, if_version)));
  }));
  server.Delete(R"(/kv/([^/]*))", guarded([&](const httplib::Request& req, httplib::Response& res) {
    if (!store.remove(valid_key(req))) throw ApiError{404, "not_found", "no such key"};
    res.status = 204;
  }));
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send(res, res.status, {{"error", res.status == 404 ? "not_found" : "bad_request"}, {"message", "no such route"}});
  });
  server.set_payload_max_length(1 << 20);
  const int port = std::stoi(env("PORT", "8080"));
  std::cout << "kv-store listening on " << port << std::endl;
  server.listen("0.0.0.0", port);
}
