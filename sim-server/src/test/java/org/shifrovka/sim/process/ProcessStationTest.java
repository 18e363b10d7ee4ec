package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.Topology;

/** Three process stations on the station core over loopback TCP with SQLite journals. */
class ProcessStationTest {
  @TempDir
  Path dir;

  private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final List<ProcessStation> running = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (ProcessStation s : running) {
      s.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Topology chain() throws Exception {
    String yaml = "start: 1949-01-13T21:40:00+08:00\n"
        + "forward: reencipher\n"
        + "retransmit: {timeout: 1s, backoff: 1.5, maxAttempts: 200}\n"
        + "pads: {sheets: 500, groupsPerSheet: 60}\n"
        + "stations:\n"
        + "  - {name: TEREBIN, place: Xibaipo, zone: Asia/Shanghai, role: origin,"
        + " listen: 127.0.0.1:" + freePort() + ", office: {firstSerial: 15, maxGroups: 120}}\n"
        + "  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:" + freePort()
        + ", register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}\n"
        + "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:" + freePort()
        + ", register: {base: 100, step: 1, width: 4}}\n"
        + "links:\n"
        + "  - {between: [TEREBIN, KUZNETSOV], wpm: 20}\n"
        + "  - {between: [KUZNETSOV, FILIPPOV], wpm: 30}\n";
    return Topology.parse(yaml, "<test>", Path.of("."));
  }

  private ProcessStation station(Topology t, String name) throws Exception {
    ProcessStation s = ProcessStation.builder().topology(t).name(name)
        .directory(dir.resolve(name)).deliveries(d -> {
          deliveries.merge(d.reference(), 1, Integer::sum);
          texts.put(d.reference(), d.text());
        }).build();
    s.start();
    running.add(s);
    return s;
  }

  private void await(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (deliveries.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  @Disabled("flaky, about 1 run in 3 on the loaded 2-core host: after the relay is closed in this"
      + " JVM and started again, frames from its neighbours stop reaching it (no receipts, no new"
      + " registrations) and the run stalls; cause not found yet. The crash test"
      + " (tools/crash-test, SIGKILL of separate processes) passes")
  void relaysEveryMessageExactlyOnce_acrossARestartOfTheRelay() throws Exception {
    Topology t = chain();
    station(t, "FILIPPOV");
    ProcessStation kuznetsov = station(t, "KUZNETSOV");
    ProcessStation terebin = station(t, "TEREBIN");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      refs.add(terebin.file("Comrade Kuznetsov, the radio is being moved here.", "m" + i,
          "FILIPPOV").get(10, TimeUnit.SECONDS));
    }
    await(5);
    kuznetsov.close();
    running.remove(kuznetsov);
    for (int i = 20; i < 30; i++) {
      refs.add(terebin.file("Comrade Kuznetsov, second message.", "m" + i, "FILIPPOV")
          .get(10, TimeUnit.SECONDS));
    }
    station(t, "KUZNETSOV");
    await(30);
    assertThat(refs).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(refs);
    assertThat(deliveries.values()).containsOnly(1);
    assertThat(texts.get(refs.get(0))).containsIgnoringCase("radio");
    assertThat(texts.get(refs.get(29))).containsIgnoringCase("second");
  }

  @Test
  void aRestartedOrigin_reusesNoPadSheetSerialOrRegistryNumber() throws Exception {
    Topology t = chain();
    station(t, "FILIPPOV");
    station(t, "KUZNETSOV");
    ProcessStation terebin = station(t, "TEREBIN");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      refs.add(terebin.file("Comrade Kuznetsov, the radio is being moved here.", "a" + i,
          "FILIPPOV").get(10, TimeUnit.SECONDS));
    }
    terebin.close();
    running.remove(terebin);
    terebin = station(t, "TEREBIN");
    for (int i = 0; i < 15; i++) {
      refs.add(terebin.file("Comrade Kuznetsov, second message.", "b" + i, "FILIPPOV")
          .get(10, TimeUnit.SECONDS));
    }
    await(30);
    assertThat(refs).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(refs);
    JournalCount count = JournalCount.of(dir, List.of("TEREBIN", "KUZNETSOV", "FILIPPOV"));
    assertThat(count.delivered()).isEqualTo(30);
    assertThat(count.duplicates()).isZero();
    assertThat(count.reused()).isEmpty();
  }
}
