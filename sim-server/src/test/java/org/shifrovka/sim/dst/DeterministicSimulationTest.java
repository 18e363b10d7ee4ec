package org.shifrovka.sim.dst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the deterministic simulation for many seeds and fails with every failing seed and its
 * replay command. {@code -Ddst.seed=S} replays one seed; {@code -Ddst.seeds=N} (default 1,000)
 * and {@code -Ddst.first=F} (default 0) choose the seeds F to F+N-1.
 */
class DeterministicSimulationTest {
  @Test
  void everyInvariantHolds_forEverySeed() {
    String one = System.getProperty("dst.seed");
    long first = one != null ? Long.parseLong(one) : Long.getLong("dst.first", 0);
    long count = one != null ? 1 : Long.getLong("dst.seeds", 1_000);
    List<String> failures = new ArrayList<>();
    long crashes = 0;
    long delivered = 0;
    long events = 0;
    for (long seed = first; seed < first + count; seed++) {
      DstRun.Result r = DstRun.run(seed);
      crashes += r.crashes();
      delivered += r.delivered();
      events += r.events();
      if (!r.passed() && failures.size() < 10) {
        failures.add("seed " + seed + ": " + String.join("; ", r.violations()) + "\n  replay: "
            + r.replay());
      }
      if (one != null) {
        System.out.println("seed " + seed + ": " + r);
      }
    }
    System.out.printf("dst: %d seeds from %d, %d deliveries, %d crashes, %d events, %d failing%n",
        count, first, delivered, crashes, events, failures.size());
    assertThat(failures).as("failing seeds").isEmpty();
  }

  @Test
  void aRunIsAPureFunctionOfItsSeed() {
    DstRun.Result a = DstRun.run(42);
    DstRun.Result b = DstRun.run(42);
    assertThat(b).isEqualTo(a);
    assertThat(a.delivered()).isPositive();
  }
}
