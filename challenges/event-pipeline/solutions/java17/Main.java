import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** Event pipeline reference solution in Java 17: the JDK's HTTP server, Jackson and an fsynced log. */
public class Main {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$");
  static final Map<String, Long> WINDOWS_MS = Map.of("minute", 60_000L, "hour", 3_600_000L, "day", 86_400_000L);
  static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  static EventStore store;

  public static void main(String[] args) throws IOException {
    store = new EventStore(Path.of(System.getenv().getOrDefault("DATA_DIR", ".data")));
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 128);
    server.createContext("/", Main::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("event-pipeline listening on " + port);
  }

  /** Epoch milliseconds, or null; the ISO formatter's strict resolver rejects Feb 30. */
  static Long parseTimestamp(String s) {
    if (s == null || !ISO.matcher(s).matches()) return null;
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (Exception e) {
      return null;
    }
  }

  static String iso(long ms) {
    return MILLIS.format(Instant.ofEpochMilli(ms));
  }

  static void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (method.equals("GET") && path.equals("/health")) {
        send(ex, 200, JSON.createObjectNode().put("status", "ok"));
      } else if (method.equals("POST") && path.equals("/events")) {
        ingest(ex);
      } else if (method.equals("GET") && path.equals("/aggregates")) {
        aggregates(ex);
      } else if (method.equals("GET") && path.startsWith("/events/") && path.indexOf('/', 8) < 0) {
        EventStore.Event e = store.get(URLDecoder.decode(path.substring(8).replace("+", "%2B"), StandardCharsets.UTF_8));
        if (e == null) {
          fail(ex, 404, "not_found", "no event with this id");
          return;
        }
        ObjectNode body = JSON.createObjectNode().put("id", e.id()).put("type", e.type()).put("timestamp", iso(e.ts()));
        if (e.value() == null) body.putNull("value"); else body.put("value", e.value());
        send(ex, 200, body);
      } else {
        fail(ex, 404, "not_found", "no such route");
      }
    } catch (Exception e) {
      e.printStackTrace();
      fail(ex, 500, "internal", "unexpected error");
    } finally {
      ex.close();
    }
  }

  static String validate(JsonNode raw, List<EventStore.Event> out) {
    if (raw == null || !raw.isObject()) return "line must be a JSON object";
    JsonNode id = raw.get("id");
    JsonNode type = raw.get("type");
    JsonNode ts = raw.get("timestamp");
    if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().codePointCount(0, id.asText().length()) > 128) {
      return "id must be a non-empty string of at most 128 characters";
    }
    if (type == null || !type.isTextual() || type.asText().isEmpty() || type.asText().codePointCount(0, type.asText().length()) > 64) {
      return "type must be a non-empty string of at most 64 characters";
    }
    Long millis = ts != null && ts.isTextual() ? parseTimestamp(ts.asText()) : null;
    if (millis == null) return "timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z";
    JsonNode value = raw.get("value");
    if (value != null && !(value.isNumber() && Double.isFinite(value.asDouble()))) return "value, when present, must be a finite number";
    out.add(new EventStore.Event(id.asText(), type.asText(), millis, value == null ? null : value.asDouble()));
    return null;
  }

  static void ingest(HttpExchange ex) throws IOException {
    byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      fail(ex, 413, "payload_too_large", "batches are limited to 10 MB");
      return;
    }
    List<EventStore.Event> events = new ArrayList<>();
    ArrayNode errors = JSON.createArrayNode();
    int nonBlank = 0;
    // Line numbers count every physical line, blank ones included, so they match the client's file.
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) continue;
      nonBlank++;
      String reason;
      try {
        reason = validate(JSON.readTree(line), events);
      } catch (IOException e) {
        reason = "invalid JSON";
      }
      if (reason != null) errors.add(JSON.createObjectNode().put("line", i + 1).put("reason", reason));
    }
    if (nonBlank == 0) {
      fail(ex, 400, "empty_batch", "the body contains no event lines");
      return;
    }
    int accepted = store.insertNew(events);
    ObjectNode body = JSON.createObjectNode().put("accepted", accepted).put("duplicates", events.size() - accepted).put("rejected", errors.size());
    body.set("errors", errors);
    send(ex, 200, body);
  }

  static void aggregates(HttpExchange ex) throws IOException {
    Map<String, String> q = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) continue;
      q.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    Long window = WINDOWS_MS.get(q.getOrDefault("window", ""));
    if (window == null) {
      fail(ex, 400, "invalid_window", "window must be minute, hour or day");
      return;
    }
    Long from = parseTimestamp(q.get("from"));
    Long to = parseTimestamp(q.get("to"));
    if (from == null || to == null) {
      fail(ex, 400, "invalid_range", "from and to are required ISO 8601 date-times with a timezone");
      return;
    }
    if (from >= to) {
      fail(ex, 400, "invalid_range", "from must be before to");
      return;
    }
    String type = q.get("type");
    ObjectNode body = JSON.createObjectNode().put("window", q.get("window")).put("from", iso(from)).put("to", iso(to));
    if (type != null) body.put("type", type);
    ArrayNode buckets = body.putArray("buckets");
    for (EventStore.Bucket b : store.aggregate(window, from, to, type)) {
      ObjectNode n = buckets.addObject().put("start", iso(b.start())).put("type", b.type()).put("count", b.count());
      if (b.sum() == Math.rint(b.sum()) && Math.abs(b.sum()) < 1e15) n.put("sum", (long) b.sum()); else n.put("sum", b.sum());
    }
    send(ex, 200, body);
  }

  static void fail(HttpExchange ex, int status, String code, String message) throws IOException {
    send(ex, status, JSON.createObjectNode().put("error", code).put("message", message));
  }

  static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] data = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, data.length);
    ex.getResponseBody().write(data);
  }
}
