package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.Topology;

/** Three process stations on the station core over loopback TCP with SQLite journals. */
class ProcessStationTest {
  @TempDir
  Path dir;

  private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final Map<String, List<String>> registryNumbers = new ConcurrentHashMap<>();
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
          registryNumbers.put(d.reference(), d.registryNumbers());
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
    // filing the same source again files nothing
    assertThat(terebin.file("ANOTHER TEXT", "m0", "FILIPPOV").get(10, TimeUnit.SECONDS))
        .isNull();
    station(t, "KUZNETSOV");
    await(30);
    assertThat(refs).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(refs);
    assertThat(deliveries.values()).containsOnly(1);
    assertThat(texts.get(refs.get(0))).containsIgnoringCase("radio");
    assertThat(texts.get(refs.get(29))).containsIgnoringCase("second");
    assertThat(registryNumbers.values()).allMatch(n -> n.size() == 1);
    for (ProcessStation s : List.copyOf(running)) {
      s.close();
    }
    JournalCount count = JournalCount.of(dir, List.of("TEREBIN", "KUZNETSOV", "FILIPPOV"));
    assertThat(count.delivered()).isEqualTo(30);
    assertThat(count.duplicates()).isZero();
    assertThat(count.reused()).isEmpty();
  }

  @Test
  void plainTcpOnlyOnLoopback() throws Exception {
    String yaml = Chains.yaml(7001, 7002, 7003, 10).replace("listen: 127.0.0.1:7003",
        "listen: 0.0.0.0:7003, address: filippov.example:7003");
    Topology t = Topology.parse(yaml, "<test>", Path.of("."));
    assertThatThrownBy(() -> ProcessStation.builder().topology(t).name("KUZNETSOV")
        .directory(dir).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain TCP is allowed only when every address is loopback")
        .hasMessageContaining("FILIPPOV is at filippov.example:7003");
    assertThat(ProcessStation.builder().topology(t).name("TEREBIN").directory(dir).build())
        .isNotNull();
  }

  @Test
  void aJournalServesOneStationProcessAndOneStationOnly() throws Exception {
    Topology t = chain();
    ProcessStation first = station(t, "FILIPPOV");
    ProcessStation second = ProcessStation.builder().topology(t).name("FILIPPOV")
        .directory(dir.resolve("FILIPPOV")).listen(new InetSocketAddress("127.0.0.1", 0))
        .build();
    assertThatThrownBy(second::start).isInstanceOf(IOException.class)
        .hasMessageContaining("is in use by another");
    second.close();
    first.close();
    running.remove(first);
    ProcessStation impostor = ProcessStation.builder().topology(t).name("KUZNETSOV")
        .journal(dir.resolve("FILIPPOV").resolve("FILIPPOV.journal")).build();
    assertThatThrownBy(impostor::start).isInstanceOf(IOException.class)
        .hasMessageContaining("is the journal of FILIPPOV seed 1949, not of KUZNETSOV seed 1949");
    impostor.close();
    station(t, "FILIPPOV"); // the lock went with the first station
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
