import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** Durable key-value store reference solution in Java 17: the JDK's HTTP server, Jackson, a write-ahead log. */
public class Main {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
  static final int MAX_VALUE_CHARS = 65536;

  static final class ApiError extends Exception {
    final int status;
    final String code;
    final Long currentVersion;

    ApiError(int status, String code, String message) {
      this(status, code, message, null);
    }

    ApiError(int status, String code, String message, Long currentVersion) {
      super(message);
      this.status = status;
      this.code = code;
      this.currentVersion = currentVersion;
    }
  }

  static KvStore store;

  public static void main(String[] args) throws IOException {
    String dataDir = System.getenv().getOrDefault("DATA_DIR", ".data");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    store = new KvStore(Path.of(dataDir), 1024 * 1024);
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 128);
    server.createContext("/", Main::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("kv-store listening on " + port);
  }

  static void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (path.equals("/health") && method.equals("GET")) {
        send(ex, 200, JSON.createObjectNode().put("status", "ok"));
      } else if (path.equals("/admin/compact") && method.equals("POST")) {
        send(ex, 200, JSON.createObjectNode().put("keys", store.compact()));
      } else if (path.startsWith("/kv/") && !path.substring(4).contains("/")) {
        String key;
        try {
          key = URLDecoder.decode(path.substring(4).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          key = "";
        }
        if (!KEY.matcher(key).matches()) throw new ApiError(400, "invalid_key", "key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -");
        key(ex, method, key);
      } else {
        throw new ApiError(404, "not_found", "no such route");
      }
    } catch (ApiError e) {
      ObjectNode body = JSON.createObjectNode().put("error", e.code).put("message", e.getMessage());
      if (e.currentVersion != null) body.put("currentVersion", e.currentVersion);
      send(ex, e.status, body);
    } catch (Exception e) {
      e.printStackTrace();
      send(ex, 500, JSON.createObjectNode().put("error", "internal").put("message", "unexpected error"));
    } finally {
      ex.close();
    }
  }

  static ObjectNode view(String key, KvStore.Entry e) {
    return JSON.createObjectNode().put("key", key).put("value", e.value()).put("version", e.version());
  }

  static void key(HttpExchange ex, String method, String key) throws Exception {
    switch (method) {
      case "GET" -> {
        KvStore.Entry e = store.get(key);
        if (e == null) throw new ApiError(404, "not_found", "no such key");
        send(ex, 200, view(key, e));
      }
      case "PUT" -> {
        JsonNode body;
        try {
          body = JSON.readTree(ex.getRequestBody().readNBytes(1024 * 1024));
        } catch (IOException e) {
          throw new ApiError(400, "invalid_json", "request body must be valid JSON");
        }
        if (body == null || !body.isObject()) throw new ApiError(400, "invalid_body", "body must be a JSON object");
        JsonNode value = body.get("value");
        if (value == null || !value.isTextual()) throw new ApiError(400, "invalid_value", "value is required and must be a string");
        // String.length() counts UTF-16 code units, as JavaScript does.
        if (value.asText().length() > MAX_VALUE_CHARS) throw new ApiError(400, "invalid_value", "value must be at most 65536 characters");
        JsonNode ifVersion = body.get("ifVersion");
        Long expected = null;
        if (ifVersion != null && !ifVersion.isNull()) {
          if (!ifVersion.isIntegralNumber() || !ifVersion.canConvertToLong() || ifVersion.asLong() < 0) {
            throw new ApiError(400, "invalid_if_version", "ifVersion must be a whole number, 0 or more");
          }
          expected = ifVersion.asLong();
        }
        try {
          send(ex, 200, view(key, store.put(key, value.asText(), expected)));
        } catch (KvStore.Conflict c) {
          throw new ApiError(409, "version_mismatch", "the key is not at the expected version", c.current);
        }
      }
      case "DELETE" -> {
        if (!store.delete(key)) throw new ApiError(404, "not_found", "no such key");
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
