package org.shifrovka.sim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shifrovka.lesson.VenonaStageId;
import org.shifrovka.lesson.VenonaWalkthrough;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;

/** The page's protocol over a real socket: hello, a run's messages in order, errors, limits. */
class ClassroomProtocolTest {
  static ClassroomServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ClassroomServer.builder().port(0).sessionLimit(3).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRunSendsTheWalkthroughEveryEventInOrderThenTheOutcome() throws Exception {
    try (PageClient c = new PageClient(server)) {
      JsonNode hello = c.next("hello");
      assertThat(hello.path("topology").path("stations")).hasSize(3);
      assertThat(hello.path("limits").path("messageBytes").asInt()).isEqualTo(10240);
      c.send("{\"type\":\"run\",\"seed\":1949}");
      List<JsonNode> run = c.until(n -> n.path("type").asText().equals("outcome"));
      assertThat(run.get(0).path("type").asText()).isEqualTo("run-started");
      JsonNode w = run.get(2);
      assertThat(w.path("type").asText()).isEqualTo("walkthrough");
      // the same text as the library's JSON (compared as text: numbers parse as int or long)
      assertThat(w.path("walkthrough").toString().equals(
          WalkthroughJson.tree(Walkthrough.of(Scenario1949.withSeed(1949))).toString()))
          .as("the page gets the library's walkthrough").isTrue();
      JsonNode audio = run.get(1);
      assertThat(audio.path("type").asText()).isEqualTo("morse-audio");
      HttpResponse<byte[]> wav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.url() + audio.path("url").asText().substring(1) + "0.wav")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(wav.statusCode()).isEqualTo(200);
      assertThat(wav.headers().firstValue("content-type")).hasValue("audio/wav");
      assertThat(new String(wav.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("RIFF");
      List<JsonNode> events = run.subList(3, run.size() - 1);
      long last = -1;
      for (int i = 0; i < events.size(); i++) {
        JsonNode e = events.get(i);
        assertThat(e.path("type").asText()).isEqualTo("event");
        assertThat(e.path("seq").asInt()).isEqualTo(i);
        assertThat(e.path("simNs").asLong()).isGreaterThanOrEqualTo(last);
        last = e.path("simNs").asLong();
      }
      JsonNode outcome = run.get(run.size() - 1);
      assertThat(outcome.path("events").asInt()).isEqualTo(events.size());
      assertThat(outcome.path("allDelivered").asBoolean()).isTrue();
      assertThat(outcome.path("registers").path("KUZNETSOV").toString())
          .isEqualTo("[\"50450\",\"50470\",\"50490\"]");
      assertThat(events).anyMatch(e -> e.path("event").asText().equals("registered")
          && e.path("local").asText().startsWith("1949-01-13"));
    }
  }

  @Test
  void aMalformedOrUnknownCommandIsAnsweredWithAnErrorAndChangesNothing() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      for (String bad : List.of("not json", "[1,2]", "{\"type\":\"fly\"}",
          "{\"type\":\"run\",\"seed\":-1}", "{\"type\":\"run\",\"colour\":\"red\"}",
          "{\"type\":\"run\",\"system\":\"enigma\"}", "{\"type\":\"run\",\"system\":7}",
          "{\"type\":\"run\",\"lesson\":\"enigma\"}", "{\"type\":\"run\",\"lesson\":1}",
          "{\"type\":\"run\",\"links\":[{\"a\":\"TEREBIN\",\"b\":\"FILIPPOV\",\"loss\":0,"
              + "\"garble\":0,\"delayMs\":0}]}",
          "{\"type\":\"run\",\"message\":\"" + "x".repeat(10 * 1024 + 1) + "\"}")) {
        c.send(bad);
        JsonNode e = c.next();
        assertThat(e.path("type").asText()).as(bad).isEqualTo("error");
        assertThat(e.path("message").asText()).isNotBlank();
      }
      assertThat(c.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void everySystemsWalkthroughIsSent_theAirRunsThe1949Chain() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      for (String system : List.of("ctc+pad", "checkerboard+pad",
          "checkerboard+double-transposition", "vic")) {
        c.send("{\"type\":\"run\",\"system\":\"" + system + "\"}");
        assertThat(c.next("run-started").path("system").asText()).isEqualTo(system);
        JsonNode w = c.next("walkthrough").path("walkthrough");
        assertThat(w.path("system").asText()).isEqualTo(system);
        assertThat(w.path("delivered").asBoolean()).as(system).isTrue();
        assertThat(w.path("stages").get(0).path("id").asText()).isIn("telegraph-code",
            "checkerboard", "vic-keys");
        assertThat(c.next("outcome").path("allDelivered").asBoolean()).isTrue();
      }
      // a message of one's own in Chinese: the walkthrough reads it, the air sends Mao's
      c.send("{\"type\":\"run\",\"system\":\"ctc+pad\",\"message\":\"毛澤東\"}");
      JsonNode w = c.next("walkthrough").path("walkthrough");
      assertThat(w.path("message").asText()).isEqualTo("毛澤東");
      assertThat(c.next("outcome").path("allDelivered").asBoolean()).isTrue();
    }
  }

  @Test
  void theVenonaLessonSendsEveryStageOfTheLibrarysLessonForTheSeed() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"seed\":1949,\"lesson\":\"venona\"}");
      assertThat(c.next("run-started").path("lesson").asText()).isEqualTo("venona");
      JsonNode w = c.next("walkthrough").path("walkthrough");
      VenonaWalkthrough lesson = VenonaWalkthrough.of(1949);
      assertThat(w.path("lesson").asText()).isEqualTo("venona");
      assertThat(w.path("seed").asLong()).isEqualTo(lesson.seed());
      assertThat(w.path("taught").asBoolean()).isTrue();
      List<String> ids = new ArrayList<>();
      w.path("stages").forEach(s -> ids.add(s.path("id").asText()));
      assertThat(ids).containsExactly(Arrays.stream(VenonaStageId.values())
          .map(VenonaStageId::id).toArray(String[]::new));
      // every stage as the library writes it, explanation and inferred mark included
      assertThat(w.toString().equals(WalkthroughJson.tree(lesson).toString()))
          .as("the page gets the library's lesson").isTrue();
      assertThat(w.path("stages").get(0).path("inferred").asBoolean()).isTrue();
      assertThat(w.path("stages").get(2).path("inferred").asBoolean()).isFalse();
      assertThat(c.next("outcome").path("allDelivered").asBoolean()).isTrue(); // the air's chain
      // the same seed again: the same lesson (reproducible from the page's seed)
      c.send("{\"type\":\"run\",\"seed\":1949,\"lesson\":\"venona\"}");
      assertThat(c.next("walkthrough").path("walkthrough").toString()).isEqualTo(w.toString());
      c.next("outcome");
    }
  }

  @Test
  void aMessageOfTheLearnersOwnIsDelivered() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"message\":\"Send two hundred rifles to Harbin.\"}");
      JsonNode outcome = c.next("outcome");
      assertThat(outcome.path("messages").get(0).path("delivered").asBoolean()).isTrue();
      assertThat(outcome.path("messages").get(0).path("deliveredText").asText())
          .contains("HARBIN");
    }
  }

  @Test
  void aMessageAtTheLimitIsEitherDeliveredOrRefusedWithItsReason() throws Exception {
    StringBuilder text = new StringBuilder();
    String sentence = "The delegation leaves Harbin on the fifteenth. ";
    while (text.length() + sentence.length() <= RunRequest.MAX_MESSAGE_BYTES) {
      text.append(sentence);
    }
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"message\":\"" + text + "\"}");
      List<JsonNode> run = c.until(n -> n.path("type").asText().equals("outcome")
          || n.path("type").asText().equals("error"));
      JsonNode end = run.get(run.size() - 1);
      if (end.path("type").asText().equals("error")) {
        assertThat(end.path("message").asText()).startsWith("this message cannot be sent: ");
        assertThat(end.path("run").asInt()).isEqualTo(run.get(0).path("run").asInt());
      } else {
        assertThat(end.path("messages").get(0).path("sentText").asText()).contains("HARBIN");
      }
    }
  }

  @Test
  void aLinkThatLosesEverythingIsExplainedAsAFailure() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"message\":\"Send rifles.\",\"links\":[{\"a\":\"KUZNETSOV\","
          + "\"b\":\"TEREBIN\",\"loss\":1,\"garble\":0,\"delayMs\":80}]}");
      JsonNode m = c.next("outcome").path("messages").get(0);
      assertThat(m.path("delivered").asBoolean()).isFalse();
      assertThat(m.path("problem").asText()).contains("TEREBIN->KUZNETSOV", "given up");
    }
  }

  @Test
  void aMessageTheClerkCannotWriteIsExplained() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"message\":\"Send \\u263a at once\"}");
      List<JsonNode> run = c.until(n -> n.path("type").asText().equals("outcome")
          || n.path("type").asText().equals("error"));
      JsonNode end = run.get(run.size() - 1);
      assertThat(end.path("type").asText()).isEqualTo("error");
      assertThat(end.path("message").asText()).startsWith("this message cannot be sent: ");
      assertThat(end.path("run").asInt()).isEqualTo(1);
    }
  }

  @Test
  void twoTabsRunningAtOnceAreIsolated() throws Exception {
    try (PageClient careless = new PageClient(server); PageClient careful = new PageClient(server)) {
      careless.next("hello");
      careful.next("hello");
      careless.send("{\"type\":\"run\",\"reusePad\":true,\"seed\":5}");
      careful.send("{\"type\":\"run\",\"seed\":6}");
      JsonNode a = careless.next("outcome");
      JsonNode b = careful.next("outcome");
      assertThat(a.path("alarms")).isNotEmpty();
      assertThat(b.path("alarms")).isEmpty();
      assertThat(a.path("messages")).hasSize(2);
      assertThat(b.path("messages")).hasSize(1);
      assertThat(b.path("registers").path("KUZNETSOV").toString())
          .isEqualTo("[\"50450\",\"50470\",\"50490\"]"); // its own register, from the start
    }
  }

  @Test
  void reusingAPadSheetRaisesTheDepthAlarm() throws Exception {
    try (PageClient c = new PageClient(server)) {
      c.next("hello");
      c.send("{\"type\":\"run\",\"reusePad\":true}");
      List<JsonNode> run = c.until(n -> n.path("type").asText().equals("outcome"));
      assertThat(run).anyMatch(e -> e.path("event").asText().equals("alarm"));
      assertThat(run.get(run.size() - 1).path("alarms")).isNotEmpty();
    }
  }

  @Test
  void aTopologyFileGivesEveryTabItsStationsAndLinks() throws Exception {
    Topology four = Topology.parse(java.nio.file.Path.of("topologies/four-stations.yaml"));
    try (ClassroomServer s = ClassroomServer.builder().port(0).topology(four).seed(7).start();
        PageClient c = new PageClient(s)) {
      JsonNode hello = c.next("hello");
      assertThat(hello.path("topology").path("stations")).hasSize(four.stations().size());
      assertThat(hello.path("seed").asLong()).isEqualTo(7);
      c.send("{\"type\":\"run\",\"message\":\"Send two hundred rifles.\"}");
      JsonNode outcome = c.next("outcome");
      assertThat(outcome.path("finished").asBoolean()).isTrue();
      assertThat(outcome.path("messages")).hasSize(1);
    }
  }

  @Test
  void aFullServerTurnsTheNextTabAway() throws Exception {
    List<PageClient> tabs = new ArrayList<>();
    try {
      while (server.sessions().active() < server.sessions().limit()) {
        PageClient c = new PageClient(server);
        c.next("hello");
        tabs.add(c);
      }
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.url())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("Server full");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageClient(server))
          .hasStackTraceContaining("503");
    } finally {
      tabs.forEach(PageClient::close);
    }
  }
}
