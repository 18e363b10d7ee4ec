package org.shifrovka.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.shifrovka.cli.Progress;
import org.shifrovka.cli.Terminal;
import org.shifrovka.sim.observe.EventLog;

class SimulationProgressTest {

  /** The line itself; that it shows only on a terminal is ProgressIT's. */
  @Test
  void line_showsSimulatedTime_deliveredOfFiled_andEventsPerRealSecond() {
    long sim = (2 * 3600 + 15 * 60 + 7) * 1_000_000_000L + 999_999_999L;
    assertThat(SimulationProgress.line(sim, 4512, 9900, 162_468, 2_000_000_000L))
        .isEqualTo("2:15:07 simulated, 4512 delivered of 9900 filed, 81234 events/s");
  }

  @Test
  void line_beforeAnyRealTime_hasNoRate() {
    assertThat(SimulationProgress.line(0, 0, 0, 5, 0))
        .isEqualTo("0:00:00 simulated, 0 delivered of 0 filed, 0 events/s");
  }

  @Test
  void accept_countsFiledAndDelivered_andKeepsTheLatestSimulatedTime() throws Exception {
    StringWriter out = new StringWriter();
    Terminal tty = new Terminal(false, true, 80, false, true);
    long[] now = {0};
    SimulationProgress p = new SimulationProgress(
        Progress.start(new PrintWriter(out), tty, "simulating", 1),
        () -> now[0]);
    p.accept(new EventLog.Entry(5_000_000_000L, "A", "filed", null, "r1", ""));
    p.accept(new EventLog.Entry(9_000_000_000L, "A", "send", "B", "r1", ""));
    p.accept(new EventLog.Entry(7_000_000_000L, "B", "delivered", "A", "r1", ""));
    p.accept(new EventLog.Entry(8_000_000_000L, "A", "filed", null, "r2", ""));
    now[0] = 1_000_000_000L;
    p.redraw();
    p.close();
    assertThat(out.toString())
        .contains("\rsimulating: 0:00:09 simulated, 1 delivered of 2 filed, 4 events/s")
        .endsWith("\r");
  }
}
