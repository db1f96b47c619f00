import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** URL shortener reference solution in Java 17: the JDK's HTTP server, Jackson, an fsynced append-only log. */
public class Main {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern ALIAS = Pattern.compile("^[A-Za-z0-9_-]{3,32}$");
  static final Pattern ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$");
  static final Set<String> RESERVED = Set.of("health", "links");
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final SecureRandom RANDOM = new SecureRandom();

  static final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  static LinkStore store;

  public static void main(String[] args) throws IOException {
    String dataDir = System.getenv().getOrDefault("DATA_DIR", ".data");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    store = new LinkStore(Path.of(dataDir));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 128);
    server.createContext("/", Main::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("url-shortener listening on " + port);
  }

  static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  static String iso(Instant at) {
    return MILLIS.format(at);
  }

  static void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String[] parts = path.replaceAll("^/+|/+$", "").split("/");
      String method = ex.getRequestMethod();
      if (path.equals("/health") && method.equals("GET")) {
        send(ex, 200, JSON.createObjectNode().put("status", "ok"));
      } else if (path.equals("/links") && method.equals("POST")) {
        create(ex);
      } else if (parts.length == 2 && parts[0].equals("links") && method.equals("GET")) {
        stats(ex, parts[1]);
      } else if (parts.length == 1 && !parts[0].isEmpty() && method.equals("GET")) {
        redirect(ex, parts[0]);
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

  static ObjectNode view(HttpExchange ex, ObjectNode link) {
    String host = ex.getRequestHeaders().getFirst("Host");
    return link.put("shortUrl", "http://" + host + "/" + link.get("code").asText());
  }

  static void create(HttpExchange ex) throws Exception {
    JsonNode body;
    try {
      body = JSON.readTree(ex.getRequestBody().readNBytes(64 * 1024));
    } catch (IOException e) {
      throw new ApiError(400, "invalid_json", "request body must be valid JSON");
    }
    if (body == null || !body.isObject()) throw new ApiError(400, "invalid_body", "body must be a JSON object");
    Instant now = Instant.now();
    JsonNode url = body.get("url");
    if (url == null || !url.isTextual() || url.asText().isEmpty() || url.asText().length() > 2048) {
      throw new ApiError(400, "invalid_url", "url is required: a string of at most 2048 characters");
    }
    try {
      URI uri = new URI(url.asText());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) throw new Exception();
    } catch (Exception e) {
      throw new ApiError(400, "invalid_url", "url must be an absolute http or https URL");
    }
    ObjectNode link = JSON.createObjectNode().put("code", "").put("url", url.asText()).put("createdAt", iso(now));
    link.putNull("expiresAt");
    link.put("clicks", 0);
    link.putNull("lastAccessedAt");
    JsonNode expires = body.get("expiresAt");
    if (expires != null && !expires.isNull()) {
      Instant at;
      try {
        if (!expires.isTextual() || !ISO.matcher(expires.asText()).matches()) throw new Exception();
        at = OffsetDateTime.parse(expires.asText()).toInstant();
      } catch (Exception e) {
        throw new ApiError(400, "invalid_expires_at", "expiresAt must be an ISO 8601 timestamp with a timezone");
      }
      if (!at.isAfter(now)) throw new ApiError(400, "invalid_expires_at", "expiresAt must be in the future");
      link.put("expiresAt", iso(at));
    }
    JsonNode alias = body.get("alias");
    if (alias != null && !alias.isNull()) {
      if (!alias.isTextual() || !ALIAS.matcher(alias.asText()).matches()) {
        throw new ApiError(400, "invalid_alias", "alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -");
      }
      if (RESERVED.contains(alias.asText())) throw new ApiError(409, "alias_taken", "alias is already in use");
      try {
        send(ex, 201, view(ex, store.insert(link.put("code", alias.asText()))));
      } catch (LinkStore.AliasTaken taken) {
        throw new ApiError(409, "alias_taken", "alias is already in use");
      }
      return;
    }
    while (true) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 7; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      try {
        send(ex, 201, view(ex, store.insert(link.deepCopy().put("code", code.toString()))));
        return;
      } catch (LinkStore.AliasTaken collision) {
        // a generated code collided: draw another
      }
    }
  }

  static void redirect(HttpExchange ex, String code) throws Exception {
    ObjectNode link = store.get(code);
    if (link == null) throw new ApiError(404, "not_found", "no link with this code");
    Instant now = Instant.now();
    JsonNode expires = link.get("expiresAt");
    if (!expires.isNull() && !Instant.parse(expires.asText()).isAfter(now)) {
      throw new ApiError(410, "expired", "this link has expired");
    }
    store.click(code, iso(now));
    ex.getResponseHeaders().set("Location", link.get("url").asText());
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(302, -1);
  }

  static void stats(HttpExchange ex, String code) throws Exception {
    ObjectNode link = store.get(code);
    if (link == null) throw new ApiError(404, "not_found", "no link with this code");
    send(ex, 200, view(ex, link));
  }

  static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] data = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, data.length);
    ex.getResponseBody().write(data);
  }
}
