package org.shifrovka.sim.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.journal.JournalEntry;
import org.shifrovka.sim.journal.StationJournal;
import org.shifrovka.sim.journal.TelegramState;

class StandaloneStationTest {
  @TempDir Path dir;

  private final Map<String, StandaloneStation.Delivery> delivered = new ConcurrentHashMap<>();
  private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
  private final Map<String, String> filedText = new ConcurrentHashMap<>();

  private StandaloneStation station(Topology t, String name) {
    return StandaloneStation.builder().topology(t).name(name)
        .journal(dir.resolve(name + ".journal"))
        .drainTimeout(java.time.Duration.ofSeconds(2))
        .listener(new StandaloneStation.Listener() {
          @Override
          public void filed(StandaloneStation.Filing f) {
            filedText.put(f.reference(), f.text());
          }

          @Override
          public void delivered(StandaloneStation.Delivery d) {
            delivered.put(d.reference(), d);
            deliveries.merge(d.reference(), 1, Integer::sum);
          }
        }).build();
  }

  private void awaitDeliveries(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (delivered.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void relaysEveryMessageOnceAcrossARestartOfTheRelay() throws Exception {
    Topology t = Chains.topology(500);
    StandaloneStation filippov = station(t, "FILIPPOV");
    StandaloneStation kuznetsov = station(t, "KUZNETSOV");
    StandaloneStation terebin = station(t, "TEREBIN");
    filippov.start();
    kuznetsov.start();
    terebin.start();
    try {
      for (int i = 0; i < 40; i++) {
        terebin.file("test:" + (i + 1), MessageGenerator.text(7, i), "FILIPPOV");
      }
      awaitDeliveries(10);
      kuznetsov.close();
      for (int i = 40; i < 80; i++) {
        terebin.file("test:" + (i + 1), MessageGenerator.text(7, i), "FILIPPOV");
      }
      // filing the same source again files nothing
      assertThat(terebin.file("test:1", "ANOTHER TEXT", "FILIPPOV").get(5, TimeUnit.SECONDS))
          .isNull();
      kuznetsov = station(t, "KUZNETSOV");
      kuznetsov.start();
      awaitDeliveries(80);
    } finally {
      terebin.close();
      kuznetsov.close();
      filippov.close();
    }
    assertThat(delivered).hasSize(80);
    assertThat(deliveries.values()).containsOnly(1);
    for (Map.Entry<String, StandaloneStation.Delivery> e : delivered.entrySet()) {
      assertThat(e.getValue().text()).isEqualTo(filedText.get(e.getKey()));
      assertThat(e.getValue().problems()).isEmpty();
      assertThat(e.getValue().registryNumbers()).hasSize(1);
    }
    try (StationJournal k = StationJournal.open(dir.resolve("KUZNETSOV.journal"),
        java.time.Clock.systemUTC())) {
      List<JournalEntry> in = new ArrayList<>();
      for (TelegramState s : TelegramState.values()) {
        in.addAll(k.inState(s));
      }
      Set<String> regs = new java.util.HashSet<>();
      for (JournalEntry e : in) {
        if (e.origin().equals("TEREBIN")) {
          assertThat(regs.add(e.registryNumber().orElseThrow().toString())).isTrue();
          assertThat(e.state()).isEqualTo(TelegramState.ACKNOWLEDGED);
        }
      }
      assertThat(regs).hasSize(80);
      assertThat(k.unacknowledged()).isEmpty();
    }
  }

  @Test
  void plainTcpOnlyOnLoopback() throws Exception {
    String yaml = Chains.yaml(7001, 7002, 7003, 10).replace("listen: 127.0.0.1:7003",
        "listen: 0.0.0.0:7003, address: filippov.example:7003");
    Topology t = Topology.parse(yaml, "<test>", Path.of("."));
    assertThatThrownBy(() -> station(t, "KUZNETSOV")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain TCP is allowed only when every address is loopback")
        .hasMessageContaining("FILIPPOV is at filippov.example:7003");
    assertThat(station(t, "TEREBIN")).isNotNull();
  }

  @Test
  void aJournalServesOneStationProcessAndOneStationOnly() throws Exception {
    Topology t = Chains.topology(20);
    StandaloneStation first = station(t, "FILIPPOV");
    first.start();
    try {
      assertThatThrownBy(() -> station(t, "FILIPPOV").start())
          .isInstanceOf(java.io.IOException.class).hasMessageContaining("is in use by another");
    } finally {
      first.close();
    }
    StandaloneStation impostor = StandaloneStation.builder().topology(t).name("KUZNETSOV")
        .journal(dir.resolve("FILIPPOV.journal")).build();
    assertThatThrownBy(impostor::start).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("is the journal of FILIPPOV with seed 1949, not of KUZNETSOV");
    StandaloneStation again = station(t, "FILIPPOV");
    again.start(); // the lock went with the first station
    again.close();
  }

  @Test
  void theLastSerialIsNeverPassed_andTheStationGoesOn() throws Exception {
    Topology t = Topology.parse(Chains.yaml(Chains.freePort(), Chains.freePort(),
        Chains.freePort(), 50).replace("firstSerial: 15", "firstSerial: 99998"), "<test>",
        Path.of("."));
    StandaloneStation filippov = station(t, "FILIPPOV");
    StandaloneStation kuznetsov = station(t, "KUZNETSOV");
    StandaloneStation terebin = station(t, "TEREBIN");
    filippov.start();
    kuznetsov.start();
    terebin.start();
    try {
      assertThat(terebin.file("s:1", MessageGenerator.text(1, 1), "FILIPPOV")
          .get(10, TimeUnit.SECONDS).reference()).isEqualTo("TEREBIN/99998");
      assertThat(terebin.file("s:2", MessageGenerator.text(1, 2), "FILIPPOV")
          .get(10, TimeUnit.SECONDS).reference()).isEqualTo("TEREBIN/99999");
      assertThatThrownBy(() -> terebin.file("s:3", MessageGenerator.text(1, 3), "FILIPPOV")
          .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has used every serial up to 99999");
      awaitDeliveries(2);
    } finally {
      terebin.close();
      kuznetsov.close();
      filippov.close();
    }
    assertThat(delivered.keySet()).containsExactlyInAnyOrder("TEREBIN/99998", "TEREBIN/99999");
  }
}
