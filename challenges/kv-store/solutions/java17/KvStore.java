import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys in memory; every change appended to wal.log and forced to disk before it is acknowledged. Records are
 * JSON lines carrying the key's resulting state, so replaying one twice is harmless: compaction writes the
 * snapshot first and empties the log afterwards. Synchronised methods serialise check, append and update,
 * which is what makes compare-and-set and versions exact.
 */
final class KvStore {
  record Entry(String value, long version) {}

  static final class Conflict extends Exception {
    final long current;

    Conflict(long current) {
      super("version mismatch");
      this.current = current;
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Entry> entries = new HashMap<>();
  private final Path dir;
  private final FileChannel wal;
  private final long compactAtBytes;
  private long walBytes;

  KvStore(Path dir, long compactAtBytes) throws IOException {
    this.dir = dir;
    this.compactAtBytes = compactAtBytes;
    Files.createDirectories(dir);
    Path snapshot = dir.resolve("snapshot.json");
    if (Files.exists(snapshot)) { // renamed into place by compaction, so always complete
      json.readTree(snapshot.toFile()).get("entries").fields()
          .forEachRemaining(e -> entries.put(e.getKey(), new Entry(e.getValue().get("value").asText(), e.getValue().get("version").asLong())));
    }
    wal = FileChannel.open(dir.resolve("wal.log"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    walBytes = replay();
    wal.position(walBytes);
  }

  /** Applies every complete record; cuts off a torn tail so the next append does not land behind it. */
  private long replay() throws IOException {
    byte[] data = Files.readAllBytes(dir.resolve("wal.log"));
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n') end++;
      if (end == data.length) break; // no newline: the write was cut short and never acknowledged
      JsonNode record;
      try {
        record = json.readTree(new String(data, start, end - start, StandardCharsets.UTF_8));
      } catch (IOException garbage) {
        break; // a torn write: nothing after it was acknowledged either
      }
      if (record == null || !record.has("op") || !record.has("key")) break;
      apply(record);
      start = end + 1;
    }
    if (start < data.length) {
      wal.truncate(start);
      wal.force(true);
    }
    return start;
  }

  private void apply(JsonNode record) {
    String key = record.get("key").asText();
    if (record.get("op").asText().equals("put")) {
      entries.put(key, new Entry(record.get("value").asText(), record.get("version").asLong()));
    } else {
      entries.remove(key);
    }
  }

  private void append(ObjectNode record) throws IOException {
    byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) wal.write(buffer);
    wal.force(false); // durable before the caller acknowledges it
    walBytes += line.length;
    apply(record);
    if (walBytes >= compactAtBytes) compactLocked();
  }

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  /** ifVersion null: unconditional; 0: only if absent. */
  synchronized Entry put(String key, String value, Long ifVersion) throws IOException, Conflict {
    Entry current = entries.get(key);
    long version = current == null ? 0 : current.version();
    if (ifVersion != null && ifVersion != version) throw new Conflict(version);
    append(json.createObjectNode().put("op", "put").put("key", key).put("value", value).put("version", version + 1));
    return entries.get(key);
  }

  synchronized boolean delete(String key) throws IOException {
    if (!entries.containsKey(key)) return false;
    append(json.createObjectNode().put("op", "delete").put("key", key));
    return true;
  }

  synchronized int compact() throws IOException {
    return compactLocked();
  }

  /** Snapshot to a temporary file, force, atomic rename, force the directory, and only then an empty log. */
  private int compactLocked() throws IOException {
    ObjectNode all = json.createObjectNode();
    entries.forEach((k, e) -> all.putObject(k).put("value", e.value()).put("version", e.version()));
    ObjectNode snapshot = json.createObjectNode();
    snapshot.set("entries", all);
    Path tmp = dir.resolve("snapshot.json.tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(json.writeValueAsBytes(snapshot));
      while (buffer.hasRemaining()) out.write(buffer);
      out.force(true);
    }
    Files.move(tmp, dir.resolve("snapshot.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException ignored) {
      // not every platform lets a directory be opened; Linux does
    }
    wal.truncate(0);
    wal.position(0);
    wal.force(true);
    walBytes = 0;
    return entries.size();
  }
}
