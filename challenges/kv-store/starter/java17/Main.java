import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/** Starting point: a working HTTP server with a health check. Everything else is yours to design and build. */
public class Main {
  public static void main(String[] args) throws IOException {
    // Persist anything that must survive a restart under DATA_DIR.
    Files.createDirectories(Path.of(System.getenv().getOrDefault("DATA_DIR", ".data")));
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 128);
    server.createContext("/health", ex -> send(ex, 200, "{\"status\":\"ok\"}"));
    server.createContext("/kv/", ex -> send(ex, 501, "{\"error\":\"not_implemented\",\"message\":\"TODO: implement PUT /kv/{key}\"}"));
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("listening on " + port);
  }

  static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] data = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, data.length);
    ex.getResponseBody().write(data);
    ex.close();
  }
}
