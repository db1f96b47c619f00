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
import java.util.HashMap;
import java.util.Map;

/**
 * Links in memory, every change in an append-only log forced to disk before it is acknowledged. Synchronised
 * methods serialise writers, which is what makes "exactly one of many concurrent aliases wins" hold.
 */
final class LinkStore {
  static final class AliasTaken extends Exception {}

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> links = new HashMap<>();
  private final FileChannel log;

  LinkStore(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("links.log");
    if (Files.exists(file)) {
      try (BufferedReader in = Files.newBufferedReader(file)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          ObjectNode event;
          try {
            event = (ObjectNode) json.readTree(line);
          } catch (IOException torn) {
            break; // a line cut short by a crash was never acknowledged
          }
          apply(event);
        }
      }
    }
    log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private void apply(ObjectNode event) {
    if (event.get("op").asText().equals("create")) {
      ObjectNode link = (ObjectNode) event.get("link");
      links.put(link.get("code").asText(), link);
    } else {
      ObjectNode link = links.get(event.get("code").asText());
      if (link != null) {
        link.put("clicks", link.get("clicks").asInt() + 1);
        link.put("lastAccessedAt", event.get("at").asText());
      }
    }
  }

  private void write(ObjectNode event) throws IOException {
    log.write(ByteBuffer.wrap((json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8)));
    log.force(false);
  }

  synchronized ObjectNode insert(ObjectNode link) throws IOException, AliasTaken {
    String code = link.get("code").asText();
    if (links.containsKey(code)) throw new AliasTaken();
    ObjectNode event = json.createObjectNode().put("op", "create");
    event.set("link", link);
    write(event);
    links.put(code, link);
    return link.deepCopy();
  }

  synchronized ObjectNode get(String code) {
    ObjectNode link = links.get(code);
    return link == null ? null : link.deepCopy();
  }

  synchronized void click(String code, String at) throws IOException {
    ObjectNode event = json.createObjectNode().put("op", "click").put("code", code).put("at", at);
    write(event);
    apply(event);
  }
}
