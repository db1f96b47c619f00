// Starting point: a working HTTP server with a health check. Everything else is yours to design and build.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

using json = nlohmann::json;

int main() {
  httplib::Server server;
  server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(json{{"status", "ok"}}.dump(), "application/json");
  });
  server.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.status = 501;
    res.set_content(json{{"error", "not_implemented"}, {"message", "TODO: implement GET /api/resource"}}.dump(), "application/json");
  });
  const char* port = std::getenv("PORT");
  std::cout << "listening on " << (port ? port : "8080") << std::endl;
  server.listen("0.0.0.0", port ? std::atoi(port) : 8080);
}
