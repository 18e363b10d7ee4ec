package org.shifrovka.sim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.sim.Topology;

/** The server's handlers on an {@code EmbeddedChannel}: the page files, the gate, the commands. */
class ClassroomHandlersTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final List<String> log = new ArrayList<>();
  private final List<Runnable> runs = new ArrayList<>();

  private EmbeddedChannel channel(Sessions sessions) {
    EmbeddedChannel ch = new EmbeddedChannel();
    ClassroomServer.pipeline(ch.pipeline(), sessions, new MorseAudio(), Topology.default1949(),
        1949, runs::add, log::add, true);
    return ch;
  }

  private static String exchange(EmbeddedChannel ch, String request) {
    ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder();
    for (ByteBuf b; (b = ch.readOutbound()) != null;) {
      sb.append(b.toString(StandardCharsets.UTF_8));
      b.release();
    }
    return sb.toString();
  }

  @Test
  void theRootServesThePageWithAPolicyThatAllowsNothingFromElsewhere() {
    EmbeddedChannel ch = channel(new Sessions(2));
    String res = exchange(ch, "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    assertThat(res).startsWith("HTTP/1.1 200 OK").contains("text/html; charset=utf-8")
        .contains("Content-Security-Policy: default-src 'self'")
        .contains("<script type=\"module\" src=\"/app.js\">");
    assertThat(exchange(ch, "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"))
        .startsWith("HTTP/1.1 200 OK").contains("text/javascript");
    assertThat(exchange(ch, "HEAD /style.css HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"))
        .startsWith("HTTP/1.1 200 OK").contains("text/css");
    ch.finishAndReleaseAll();
  }

  @Test
  void onlyPlainFileNamesOfThePageAreServed() {
    for (String path : List.of("/nothing.js", "/../../etc/passwd", "/%2e%2e/x.js",
        "/org/shifrovka/sim/classroom/RunJson.class", "/index.html/",
        "/morse/0123456789abcdef/0.wav", "/morse/../0.wav")) {
      EmbeddedChannel ch = channel(new Sessions(2));
      assertThat(exchange(ch, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n")).as(path)
          .startsWith("HTTP/1.1 404");
      ch.finishAndReleaseAll();
    }
    EmbeddedChannel ch = channel(new Sessions(2));
    assertThat(exchange(ch, "POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 0\r\n\r\n"))
        .startsWith("HTTP/1.1 405");
    ch.finishAndReleaseAll();
  }

  @Test
  void aFullServerServesTheServerFullPageAndRefusesTheUpgrade() {
    Sessions sessions = new Sessions(1);
    assertThat(sessions.open()).isEqualTo(1);
    EmbeddedChannel ch = channel(sessions);
    assertThat(exchange(ch, "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"))
        .startsWith("HTTP/1.1 503").contains("Server full");
    ch.finishAndReleaseAll();
    ch = channel(sessions);
    assertThat(exchange(ch, upgrade("http://127.0.0.1:8080"))).startsWith("HTTP/1.1 503")
        .contains("server full");
    assertThat(sessions.refused()).isEqualTo(1);
    assertThat(log).anyMatch(l -> l.startsWith("server full"));
    ch.finishAndReleaseAll();
  }

  @Test
  void aLoopbackServerAnswersOnlyToLoopbackNames() {
    for (String host : List.of("evil.example:8080", "192.168.1.5:8080", "127.0.0.1.evil.example")) {
      EmbeddedChannel ch = channel(new Sessions(2));
      assertThat(exchange(ch, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n")).as(host)
          .startsWith("HTTP/1.1 403");
      ch.finishAndReleaseAll();
    }
    for (String host : List.of("127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080")) {
      EmbeddedChannel ch = channel(new Sessions(2));
      assertThat(exchange(ch, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n")).as(host)
          .startsWith("HTTP/1.1 200");
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void anUpgradeFromAnotherSiteIsRefused() {
    Sessions sessions = new Sessions(2);
    EmbeddedChannel ch = channel(sessions);
    assertThat(exchange(ch, upgrade("http://evil.example"))).startsWith("HTTP/1.1 403");
    assertThat(sessions.active()).isZero();
    ch.finishAndReleaseAll();
  }

  @Test
  void anUpgradeTakesAPlaceAndClosingGivesItBack() throws Exception {
    Sessions sessions = new Sessions(2);
    EmbeddedChannel ch = channel(sessions);
    String res = exchange(ch, upgrade("http://127.0.0.1:8080"));
    assertThat(res).startsWith("HTTP/1.1 101");
    assertThat(sessions.active()).isEqualTo(1);
    ch.close().sync();
    assertThat(sessions.active()).isZero();
    assertThat(sessions.ended()).isEqualTo(1);
    assertThat(log).containsExactly("session 1 opened (1 open)", "session 1 ended (0 open)");
    ch.finishAndReleaseAll();
  }

  @Test
  void aSessionAnswersABadCommandWithAnErrorAndStartsNoRun() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new ClassroomSession(Topology.default1949(), 1949,
        runs::add, new MorseAudio()));
    for (String bad : List.of("{", "{\"type\":\"launch\"}", "{\"type\":\"run\",\"seed\":\"x\"}",
        "{\"type\":\"run\",\"links\":[{\"a\":\"TEREBIN\",\"b\":\"KUZNETSOV\",\"loss\":2,"
            + "\"garble\":0,\"delayMs\":0}]}", "{\"type\":\"run\",\"reusePad\":1}")) {
      ch.writeInbound(new TextWebSocketFrame(bad));
      TextWebSocketFrame out = ch.readOutbound();
      JsonNode e = MAPPER.readTree(out.text());
      out.release();
      assertThat(e.path("type").asText()).as(bad).isEqualTo("error");
    }
    ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));
    TextWebSocketFrame out = ch.readOutbound();
    assertThat(out.text()).contains("JSON text frames");
    out.release();
    assertThat(runs).isEmpty();
    ch.writeInbound(new TextWebSocketFrame("{\"type\":\"run\",\"seed\":7}"));
    assertThat(runs).hasSize(1);
    ch.finishAndReleaseAll();
  }

  private static String upgrade(String origin) {
    return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Origin: " + origin + "\r\n\r\n";
  }
}
