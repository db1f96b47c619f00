import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** Rate limiter reference solution in Java 17: the JDK's HTTP server, Jackson and a synchronized registry. */
public class Main {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");
  static final int MAX_VALUE = 1_000_000;
  static final BucketRegistry REGISTRY = new BucketRegistry(new BucketRegistry.Config(10, 1.0), System::nanoTime);

  static final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 128);
    server.createContext("/", Main::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("rate-limiter listening on " + port);
  }

  static void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      if (path.equals("/health") && ex.getRequestMethod().equals("GET")) {
        send(ex, 200, JSON.createObjectNode().put("status", "ok"));
      } else if (path.startsWith("/api/")) {
        limited(ex);
      } else if (path.startsWith("/keys/") && path.indexOf('/', 6) < 0) {
        String key = URLDecoder.decode(path.substring(6).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!KEY.matcher(key).matches()) {
          throw new ApiError(400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -");
        }
        key(ex, key);
      } else {
        throw new ApiError(404, "not_found", "no such route");
      }
    } catch (ApiError e) {
      send(ex, e.status, JSON.createObjectNode().put("error", e.code).put("message", e.getMessage()));
    } catch (Exception e) {
      e.printStackTrace();
      send(ex, 500, JSON.createObjectNode().put("error", "internal").put("message", "unexpected error"));
    } finally {
      ex.close();
    }
  }

  static void limited(HttpExchange ex) throws Exception {
    String key = ex.getRequestHeaders().getFirst("X-API-Key");
    if (key == null || key.isBlank()) throw new ApiError(401, "missing_api_key", "send your key in X-API-Key");
    BucketRegistry.Decision d = REGISTRY.take(key);
    ex.getResponseHeaders().set("X-RateLimit-Limit", String.valueOf(d.capacity()));
    ex.getResponseHeaders().set("X-RateLimit-Remaining", String.valueOf(d.remaining()));
    if (d.allowed()) {
      send(ex, 200, JSON.createObjectNode().put("ok", true).put("key", key));
      return;
    }
    ex.getResponseHeaders().set("Retry-After", String.valueOf(d.retryAfter()));
    send(ex, 429, JSON.createObjectNode().put("error", "rate_limited").put("message", "too many requests").put("retryAfterSeconds", d.retryAfter()));
  }

  static BucketRegistry.Config parseConfig(HttpExchange ex) throws ApiError {
    JsonNode body;
    try {
      body = JSON.readTree(ex.getRequestBody().readNBytes(16 * 1024));
    } catch (IOException e) {
      throw new ApiError(400, "invalid_json", "request body must be valid JSON");
    }
    if (body == null || !body.isObject()) throw new ApiError(400, "invalid_body", "body must be a JSON object");
    JsonNode capacity = body.get("capacity");
    JsonNode rate = body.get("refillPerSecond");
    if (capacity == null || !capacity.isIntegralNumber() || capacity.asLong() < 1 || capacity.asLong() > MAX_VALUE) {
      throw new ApiError(400, "invalid_capacity", "capacity must be an integer from 1 to " + MAX_VALUE);
    }
    if (rate == null || !rate.isNumber() || rate.asDouble() <= 0 || rate.asDouble() > MAX_VALUE) {
      throw new ApiError(400, "invalid_refill", "refillPerSecond must be a number greater than 0 and at most " + MAX_VALUE);
    }
    return new BucketRegistry.Config(capacity.asInt(), rate.asDouble());
  }

  static void key(HttpExchange ex, String key) throws Exception {
    switch (ex.getRequestMethod()) {
      case "PUT" -> {
        BucketRegistry.Config c = parseConfig(ex);
        REGISTRY.configure(key, c);
        send(ex, 200, JSON.createObjectNode().put("key", key).put("capacity", c.capacity()).put("refillPerSecond", c.refillPerSecond()));
      }
      case "GET" -> {
        Object[] found = REGISTRY.get(key);
        if (found == null) throw new ApiError(404, "not_found", "key has no explicit configuration");
        BucketRegistry.Config c = (BucketRegistry.Config) found[0];
        ObjectNode body = JSON.createObjectNode().put("key", key).put("capacity", c.capacity()).put("refillPerSecond", c.refillPerSecond());
        send(ex, 200, body.put("remaining", (int) found[1]));
      }
      case "DELETE" -> {
        if (!REGISTRY.remove(key)) throw new ApiError(404, "not_found", "key has no explicit configuration");
        ex.sendResponseHeaders(204, -1);
      }
      default -> throw new ApiError(405, "method_not_allowed", "use GET, PUT or DELETE");
    }
  }

  static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] data = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, data.length);
    ex.getResponseBody().write(data);
  }
}
