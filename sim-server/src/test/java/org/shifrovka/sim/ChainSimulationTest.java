package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainSimulationTest {
  @Test
  void run_default1949_deliversMaosMessage() throws Exception {
    StringBuilder timeline = new StringBuilder();
    OutcomeReport r = ChainSimulation.builder().timeline(timeline).build().run();
    System.out.println(timeline);
    System.out.println(r.render());
    System.out.println("real ms " + r.realMillis());
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).isTrue();
  }
}
