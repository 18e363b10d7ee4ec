package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.process.JournalCount;

/**
 * The three stations as separate processes ({@code shifrovka station}); 1,000 telegrams from
 * TEREBIN to FILIPPOV while KUZNETSOV, the relay, is killed with SIGKILL twice mid-stream and
 * restarted from its journal. Every message must reach FILIPPOV exactly once with its text, and no
 * pad sheet, serial or registry number may be used twice.
 */
class StationCrashIT {
  private static final int MESSAGES = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final List<Process> running = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : running) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process station(String name, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("station", "--config", "chain.yaml", "--name",
        name, "--drain", "2s"));
    args.addAll(List.of(more));
    Process p = Jar.start(dir, dir.resolve(name + ".out"), dir.resolve(name + ".err"),
        args.toArray(new String[0]));
    running.add(p);
    return p;
  }

  private List<JsonNode> lines(String station) throws IOException {
    Path f = dir.resolve(station + ".out");
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(f)) {
      return out;
    }
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      if (l.endsWith("}")) { // a line cut short by SIGKILL is not JSON; only the relay is killed
        out.add(JSON.readTree(l));
      }
    }
    return out;
  }

  private int delivered() throws IOException {
    return lines("FILIPPOV").size();
  }

  private void awaitDelivered(int n, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (delivered() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void everyTelegramArrivesOnceThoughTheRelayIsKilledTwice() throws Exception {
    Files.writeString(dir.resolve("chain.yaml"), "forward: reencipher\n"
        + "retransmit: {timeout: 5s, backoff: 2, maxAttempts: 12}\n"
        + "pads: {sheets: 2500, groupsPerSheet: 60}\n"
        + "stations:\n"
        + "  - {name: TEREBIN, place: Xibaipo, zone: Asia/Shanghai, role: origin,"
        + " listen: 127.0.0.1:" + freePort() + ", office: {firstSerial: 15, maxGroups: 120}}\n"
        + "  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:" + freePort()
        + ", register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}\n"
        + "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:" + freePort()
        + ", register: {base: 100, step: 1, width: 4}}\n"
        + "links:\n"
        + "  - {between: [TEREBIN, KUZNETSOV]}\n"
        + "  - {between: [KUZNETSOV, FILIPPOV]}\n");
    StringBuilder msgs = new StringBuilder();
    for (int i = 0; i < MESSAGES; i++) {
      msgs.append(MessageGenerator.text(49, i)).append('\n');
    }
    Files.writeString(dir.resolve("messages.txt"), msgs);

    Process filippov = station("FILIPPOV");
    Process kuznetsov = station("KUZNETSOV");
    Process terebin = station("TEREBIN", "--messages", "messages.txt");
    int kills = 0;
    for (int at : new int[] {150, 500}) {
      awaitDelivered(at, 90);
      assertThat(delivered()).as("deliveries before kill %d", kills + 1).isGreaterThanOrEqualTo(at);
      assertThat(delivered()).as("the kill must come mid-stream").isLessThan(MESSAGES);
      kuznetsov.destroyForcibly(); // SIGKILL
      assertThat(kuznetsov.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(kuznetsov.exitValue()).isEqualTo(137);
      kills++;
      kuznetsov = station("KUZNETSOV");
    }
    awaitDelivered(MESSAGES, 120);
    for (Process p : List.of(terebin, kuznetsov, filippov)) {
      p.destroy(); // SIGTERM: drain and close
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(kills).isEqualTo(2);
    for (String s : List.of("TEREBIN", "KUZNETSOV", "FILIPPOV")) {
      assertThat(Files.readString(dir.resolve(s + ".err"))).as(s + " log")
          .doesNotContain("ALARM");
    }
    assertThat(Files.readString(dir.resolve("KUZNETSOV.err")))
        .contains("KUZNETSOV listening").contains("telegrams to resend");

    Map<String, String> filed = new HashMap<>();
    for (JsonNode n : lines("TEREBIN")) {
      assertThat(filed.put(n.get("reference").asText(), n.get("text").asText())).isNull();
    }
    assertThat(filed).hasSize(MESSAGES);
    Map<String, Integer> times = new HashMap<>();
    Set<String> registryAtFilippov = new HashSet<>();
    for (JsonNode n : lines("FILIPPOV")) {
      String ref = n.get("reference").asText();
      times.merge(ref, 1, Integer::sum);
      assertThat(n.get("text").asText()).as(ref).isEqualTo(filed.get(ref));
      for (JsonNode r : n.get("registryNumbers")) {
        assertThat(registryAtFilippov.add(r.asText())).as("registry number " + r).isTrue();
      }
    }
    assertThat(times.keySet()).isEqualTo(filed.keySet());
    assertThat(times.values()).containsOnly(1);

    // On the air and in the registers: no pad sheet (indicator), serial or number twice,
    // counted from the journals
    JournalCount count = JournalCount.of(List.of(dir.resolve("TEREBIN.journal"),
        dir.resolve("KUZNETSOV.journal"), dir.resolve("FILIPPOV.journal")));
    assertThat(count.delivered()).isEqualTo(MESSAGES);
    assertThat(count.duplicates()).isZero();
    assertThat(count.reused()).isEmpty();
  }
}
