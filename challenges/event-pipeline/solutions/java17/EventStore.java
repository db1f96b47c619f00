import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.HashMap;

/**
 * Events in memory, each batch's new events appended to a log forced to disk before the batch is acknowledged.
 * Synchronized methods make "the first stored event with an id wins" hold across concurrent batches.
 */
final class EventStore {
  record Event(String id, String type, long ts, Double value) {}

  record Bucket(long start, String type, int count, double sum) {}

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Event> byId = new LinkedHashMap<>();
  private final FileChannel log;

  EventStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("events.log");
    if (Files.exists(file)) {
      try (BufferedReader in = Files.newBufferedReader(file)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          try {
            var n = json.readTree(line);
            add(new Event(n.get("id").asText(), n.get("type").asText(), n.get("ts").asLong(), n.get("value").isNull() ? null : n.get("value").asDouble()));
          } catch (Exception torn) {
            break; // a line cut short by a crash was never acknowledged
          }
        }
      }
    }
    log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private boolean add(Event e) {
    return byId.putIfAbsent(e.id(), e) == null;
  }

  synchronized int insertNew(List<Event> events) throws IOException {
    StringBuilder out = new StringBuilder();
    int accepted = 0;
    for (Event e : events) {
      if (!add(e)) continue;
      ObjectNode n = json.createObjectNode().put("id", e.id()).put("type", e.type()).put("ts", e.ts());
      if (e.value() == null) n.putNull("value"); else n.put("value", e.value());
      out.append(json.writeValueAsString(n)).append('\n');
      accepted++;
    }
    if (accepted > 0) {
      log.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
      log.force(false);
    }
    return accepted;
  }

  synchronized Event get(String id) {
    return byId.get(id);
  }

  /** Counts and sums per UTC-aligned window (epoch ms are UTC) and type, for from <= ts < to. */
  synchronized List<Bucket> aggregate(long windowMs, long from, long to, String type) {
    Map<String, Bucket> acc = new HashMap<>();
    for (Event e : byId.values()) {
      if (e.ts() < from || e.ts() >= to || (type != null && !e.type().equals(type))) continue;
      long start = Math.floorDiv(e.ts(), windowMs) * windowMs;
      acc.merge(start + "|" + e.type(), new Bucket(start, e.type(), 1, e.value() == null ? 0 : e.value()),
          (a, b) -> new Bucket(a.start(), a.type(), a.count() + 1, a.sum() + b.sum()));
    }
    List<Bucket> out = new ArrayList<>(acc.values());
    out.sort(Comparator.comparingLong(Bucket::start).thenComparing(Bucket::type));
    return out;
  }
}
