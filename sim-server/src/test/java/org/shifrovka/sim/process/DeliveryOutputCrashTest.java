package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;

/**
 * FILIPPOV's output of deliveries across a SIGKILL at the two moments that matter: after the
 * journal made a delivery durable and before its line is written, and after the line and before
 * anything else. TEREBIN and KUZNETSOV run here; FILIPPOV is a child JVM
 * ({@link ProcessStationMain}) stopped at its fifth delivery, killed with SIGKILL and started
 * again. Every message must then be in {@code FILIPPOV.deliveries} exactly once with its text.
 *
 * <p>Before the output was the journal's (a line on standard output after the commit), the first
 * case lost its line: the journal held the delivery and nothing wrote it again.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DeliveryOutputCrashTest {
  private static final int MESSAGES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final List<ProcessStation> stations = new ArrayList<>();
  private final Map<String, String> filed = new ConcurrentHashMap<>();
  private Process filippov;

  @AfterEach
  void stop() {
    if (filippov != null) {
      filippov.destroyForcibly();
    }
    for (ProcessStation s : stations) {
      s.close();
    }
  }

  @Test
  void killedAfterTheJournalCommitAndBeforeTheLine_theLineIsWrittenAtTheRestart()
      throws Exception {
    String paused = crashAndRestart("committed");
    Map<String, JsonNode> lines = exactlyOnce();
    assertThat(lines.get(paused).path("recovered").asBoolean()).as(paused + " recovered")
        .isTrue();
  }

  @Test
  void killedAfterTheLine_theLineIsNotWrittenAgain() throws Exception {
    String paused = crashAndRestart("written");
    Map<String, JsonNode> lines = exactlyOnce();
    assertThat(lines.get(paused).path("recovered").asBoolean()).as(paused + " recovered")
        .isFalse();
  }

  /** Runs the chain, kills FILIPPOV at its fifth delivery at {@code point}; returns that one. */
  private String crashAndRestart(String point) throws Exception {
    int[] ports = {Chains.freePort(), Chains.freePort(), Chains.freePort()};
    Path yaml = dir.resolve("chain.yaml");
    Files.writeString(yaml, Chains.yaml(ports[0], ports[1], ports[2], 200));
    Topology t = Topology.parse(yaml);
    filippov = child(yaml, "-Dstation.pauseAt=" + point + ":5");
    for (String name : List.of("KUZNETSOV", "TEREBIN")) {
      ProcessStation s = ProcessStation.builder().topology(t).name(name)
          .directory(dir.resolve(name)).drain(Duration.ofSeconds(1))
          .filings(f -> filed.put(f.reference(), f.text())).build();
      s.start();
      stations.add(s);
    }
    for (int i = 0; i < MESSAGES; i++) {
      stations.get(1).file(MessageGenerator.text(3, i), "crash:" + i, "FILIPPOV");
    }
    String paused = awaitLine(filippov, "PAUSED " + point + " ");
    filippov.destroyForcibly(); // SIGKILL: no shutdown hook, no close
    assertThat(filippov.waitFor(30, TimeUnit.SECONDS)).isTrue();
    filippov = child(yaml);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (lines().size() < MESSAGES && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // a repeat would show now
    return paused.substring(paused.lastIndexOf(' ') + 1);
  }

  private Map<String, JsonNode> exactlyOnce() throws IOException {
    List<JsonNode> lines = lines();
    Map<String, JsonNode> byReference = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (JsonNode n : lines) {
      assertThat(byReference.put(n.get("reference").asText(), n)).as("written twice: " + n)
          .isNull();
      texts.put(n.get("reference").asText(), n.get("text").asText());
    }
    assertThat(texts).isEqualTo(filed);
    assertThat(lines).hasSize(MESSAGES);
    return byReference;
  }

  private List<JsonNode> lines() throws IOException {
    Path out = dir.resolve("FILIPPOV").resolve("FILIPPOV.deliveries");
    List<JsonNode> lines = new ArrayList<>();
    if (Files.exists(out)) {
      for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        lines.add(JSON.readTree(l));
      }
    }
    return lines;
  }

  private Process child(Path yaml, String... properties) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m"));
    cmd.addAll(List.of(properties));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ProcessStationMain.class.getName(), "run", yaml.toString(), "FILIPPOV", dir.toString()));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String awaitLine(Process p, String prefix) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("the child ended before " + prefix);
  }
}
