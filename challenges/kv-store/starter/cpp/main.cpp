// Starting point: a working HTTP server with a health check. Everything else is yours to design and build.
// The default accept backlog of 5 resets connections when many clients connect at once.
#define CPPHTTPLIB_LISTEN_BACKLOG 128
#include <httplib.h>
#include <sys/stat.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

using json = nlohmann::json;

static std::string env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

int main() {
  // Persist anything that must survive a restart under DATA_DIR.
  mkdir(env("DATA_DIR", ".data").c_str(), 0755);
  httplib::Server server;
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(json{{"status", "ok"}}.dump(), "application/json");
  });
  server.Put(R"(/kv/([^/]+))", [](const httplib::Request&, httplib::Response& res) {
    res.status = 501;
    res.set_content(json{{"error", "not_implemented"}, {"message", "TODO: implement PUT /kv/{key}"}}.dump(), "application/json");
  });
  const int port = std::stoi(env("PORT", "8080"));
  std::cout << "listening on " << port << std::endl;
  server.listen("0.0.0.0", port);
}
