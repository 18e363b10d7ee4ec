package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.CipherOffice;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.server.ForwardMode;

@ExtendWith(LeakCheck.class)
class ChainSimulationTest {

  private static String canonicalMao() throws Exception {
    CipherOffice o = Scenario1949.standard().moscowOffice();
    return o.canonical(Scenario1949.message(), "m").toString();
  }

  @Test
  void run_default1949_deliversTheExactTextThroughTheRelay() throws Exception {
    StringBuilder timeline = new StringBuilder();
    OutcomeReport r = ChainSimulation.builder().timeline(timeline).build().run();
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).as(r.render()).isTrue();
    assertThat(r.messages().get(0).deliveredText()).isEqualTo(canonicalMao());
    assertThat(r.registers().get("KUZNETSOV")).containsExactly("50450", "50470", "50490");
    assertThat(r.registers().get("FILIPPOV")).containsExactly("0100");
    assertThat(timeline.toString())
        .contains("1949-01-13 21:40:00  16:40:00  TEREBIN    filed")
        .contains("KUZNETSOV  forward").contains("FILIPPOV   delivered");
  }

  @Test
  void run_archivalForwarding_deliversTheSameText() throws Exception {
    OutcomeReport r = ChainSimulation.builder().forward(ForwardMode.ARCHIVAL).build().run();
    assertThat(r.allDeliveredExactlyOnce()).as(r.render()).isTrue();
    assertThat(r.messages().get(0).deliveredText()).isEqualTo(canonicalMao());
    assertThat(r.timeline()).contains("as the archival decrypt (3 copies)");
    assertThat(r.registers().get("FILIPPOV")).containsExactly("0100", "0101", "0102");
  }

  @Test
  void run_sameSeedTwice_rendersTheSameReport() throws Exception {
    ChainSimulation.Builder b = ChainSimulation.builder().seed(42).loss(0.2).garble(0.01);
    String first = b.build().run().render();
    assertThat(b.build().run().render()).isEqualTo(first);
    assertThat(ChainSimulation.builder().seed(43).loss(0.2).garble(0.01).build().run().render())
        .isNotEqualTo(first);
  }

  @Test
  void run_sameSimulationAgain_rendersTheSameReportWithFreshLedgers() throws Exception {
    // the second run reuses the first run's codebook and pad books, not its used sheets
    ChainSimulation sim = ChainSimulation.builder().seed(8).loss(0.1).garble(0.01)
        .messages(MessageGenerator.generate("TEREBIN", "FILIPPOV", 5, Duration.ZERO,
            Duration.ofMinutes(1), 8)).build();
    OutcomeReport first = sim.run();
    OutcomeReport again = sim.run();
    assertThat(first.allDeliveredExactlyOnce()).as(first.render()).isTrue();
    assertThat(again.render()).isEqualTo(first.render());
    assertThat(again.timeline()).isEqualTo(first.timeline());
    assertThat(again.alarms()).isEmpty();
  }

  @Test
  void run_atAnotherSpeed_rendersTheSameReport() throws Exception {
    ChainSimulation.Builder b = ChainSimulation.builder().seed(5).loss(0.1).garble(0.01);
    String max = b.build().run().render();
    OutcomeReport paced = b.speed(20_000).build().run();
    assertThat(paced.render()).isEqualTo(max);
    assertThat(paced.realMillis()).isGreaterThan(200);
  }

  @Test
  void run_kernelOnItsOwnThread_rendersTheSameReportAsOnTheSharedLoop() throws Exception {
    ChainSimulation.Builder b = ChainSimulation.builder().seed(11).loss(0.15).garble(0.02);
    String shared = b.build().run().render();
    assertThat(b.sharedEventLoop(false).build().run().render()).isEqualTo(shared);
    assertThat(b.sharedEventLoop(false).ioThreads(1).build().run().render()).isEqualTo(shared);
    assertThat(b.sharedEventLoop(true).ioThreads(2).build().run().render()).isEqualTo(shared);
  }

  @Test
  void run_deadLink_reportsTheMessageUndeliverable() throws Exception {
    OutcomeReport r = ChainSimulation.builder().loss(1).maxAttempts(3)
        .messages(List.of(new Topology.MessageSpec("TEREBIN", "FILIPPOV", "Comrade, test.",
            "<t>", Duration.ZERO)))
        .build().run();
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).isFalse();
    assertThat(r.messages().get(0).problem()).contains("TEREBIN->KUZNETSOV No. 15 given up after"
        + " 3 attempts");
    assertThat(r.render()).contains("UNDELIVERABLE");
  }
}
