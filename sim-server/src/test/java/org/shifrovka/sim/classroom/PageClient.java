package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A tab without a browser: the JDK's WebSocket client on a real socket, collecting the server's
 * JSON messages.
 */
final class PageClient implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  PageClient(ClassroomServer server) throws Exception {
    this(server, false);
  }

  /**
   * Opens a tab; a {@code light} one keeps of a walkthrough only its type, so that a load test
   * of many tabs in the server's JVM measures the server's heap, not the clients'.
   */
  PageClient(ClassroomServer server, boolean light) throws Exception {
    String ws = server.url().replace("http://", "ws://") + "ws";
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10));
    socket = b.buildAsync(URI.create(ws), new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          try {
            JsonNode n = MAPPER.readTree(text.toString());
            if (light && n.path("type").asText().equals("walkthrough")) {
              n = MAPPER.createObjectNode().put("type", "walkthrough");
            }
            received.add(n);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          text.setLength(0);
        }
        w.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
        closed.complete(status);
        return null;
      }

      @Override
      public void onError(WebSocket w, Throwable error) {
        closed.completeExceptionally(error);
      }
    }).get(10, TimeUnit.SECONDS);
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  /** Returns the next message, failing after 30 seconds. */
  JsonNode next() throws InterruptedException {
    JsonNode n = received.poll(30, TimeUnit.SECONDS);
    if (n == null) {
      throw new AssertionError("no message from the server in 30 s");
    }
    return n;
  }

  /** Returns the next message of a type, skipping others. */
  JsonNode next(String type) throws InterruptedException {
    while (true) {
      JsonNode n = next();
      if (n.path("type").asText().equals(type)) {
        return n;
      }
    }
  }

  /** Returns every message up to and including the first that matches. */
  List<JsonNode> until(Predicate<JsonNode> last) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode n = next();
      out.add(n);
      if (last.test(n)) {
        return out;
      }
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
    socket.abort();
  }
}
