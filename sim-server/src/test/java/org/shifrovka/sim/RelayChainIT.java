package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.fault.LinkSpec;

/**
 * The 1949 message and 200 generated messages through TEREBIN -> KUZNETSOV -> FILIPPOV over
 * loopback sockets, with 10% loss, 2% symbol garbles, duplication and reordering.
 */
@ExtendWith(LeakCheck.class)
class RelayChainIT {
  private static final long SECOND = 1_000_000_000L;

  static ChainSimulation.Builder impaired(long seed) {
    List<Topology.MessageSpec> messages = new ArrayList<>();
    messages.add(new Topology.MessageSpec("TEREBIN", "FILIPPOV", Scenario1949.message(),
        "mao-to-filippov-1949-01-12.txt", Duration.ZERO));
    messages.addAll(MessageGenerator.generate("TEREBIN", "FILIPPOV", 200, Duration.ofMinutes(1),
        Duration.ofMinutes(4), seed));
    Topology t = Topology.default1949().withPads(2000, 60);
    return ChainSimulation.builder()
        .topology(t)
        .seed(seed)
        .messages(messages)
        .links(s -> new LinkSpec(s.wpm(), s.delayNanos(), 2 * s.jitterNanos() + SECOND / 10,
            0.10, s.burst(), 0.02, 0.05, 0.05, 30 * SECOND))
        .maxAttempts(40)
        .realTimeout(Duration.ofSeconds(90));
  }

  @Test
  @Timeout(200)
  void impairedChain_everyMessageExactlyOnce_gapFreeRegisters_sameSeedSameReport()
      throws Exception {
    OutcomeReport a = impaired(7).build().run();
    String ra = a.render();
    assertThat(a.finished()).as(ra).isTrue();
    assertThat(a.messages()).hasSize(201);
    assertThat(a.allDeliveredExactlyOnce()).as(ra).isTrue();
    assertThat(a.messages().get(0).deliveredText())
        .isEqualTo(a.messages().get(0).sentText()).contains("MAO ZEDONG");
    // KUZNETSOV registers every telegram once: 3 parts per message, step 20 from 50450
    assertThat(a.registers().get("KUZNETSOV")).hasSize(201 * 3).startsWith("50450", "50470");
    assertThat(a.gapFree("KUZNETSOV", 20)).isTrue();
    assertThat(a.registers().get("FILIPPOV")).hasSize(201);
    assertThat(a.gapFree("FILIPPOV", 1)).isTrue();
    assertThat(a.alarms()).isEmpty();
    assertThat(ra).contains("garbled-symbols=").containsPattern("lost=[1-9]")
        .containsPattern("duplicated=[1-9]").containsPattern("reordered=[1-9]")
        .containsPattern("duplicates-suppressed=[1-9]").containsPattern("repeat-requests=[1-9]");
    System.out.println(ra);
    System.out.println("real ms " + a.realMillis());

    OutcomeReport b = impaired(7).build().run();
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/relay-a.txt"), ra + a.timeline());
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/relay-b.txt"),
        b.render() + b.timeline());
    assertThat(b.render()).isEqualTo(ra);
    assertThat(b.timeline()).isEqualTo(a.timeline());
  }
}
