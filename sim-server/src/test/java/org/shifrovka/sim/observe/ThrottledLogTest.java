package org.shifrovka.sim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {
  /** A System.Logger that keeps the formatted lines. */
  static final class Lines implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(params == null ? format : java.text.MessageFormat.format(format, params));
    }
  }

  private final Lines out = new Lines();
  private final AtomicLong now = new AtomicLong();
  private final ThrottledLog log = new ThrottledLog(out, Level.WARNING, "KUZNETSOV: refused",
      Duration.ofSeconds(10), 3, now::get);

  @Test
  void aFlood_isLoggedAsAFewLinesAndOneSummaryPerInterval() {
    for (int i = 0; i < 100_000; i++) {
      log.log(i % 2 == 0 ? "TLS" : "TOO_MANY_CONNECTIONS", "refused {0}", "peer" + i);
    }
    assertThat(out.lines).containsExactly("refused peer0", "refused peer1", "refused peer2");
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    log.log("IDLE", "refused {0}", "late");
    assertThat(out.lines).hasSize(5);
    assertThat(out.lines.get(3)).isEqualTo("KUZNETSOV: refused 99997 more, not logged one by"
        + " one: {TLS=49998, TOO_MANY_CONNECTIONS=49999}");
    assertThat(out.lines.get(4)).isEqualTo("refused late");
    log.flush(); // nothing suppressed in this interval
    assertThat(out.lines).hasSize(5);
  }

  @Test
  void whatAPeerSends_cannotForgeALine() {
    log.log("MALFORMED", "{0}: reference {1}", "KUZNETSOV", "R\nSEVERE: FORGED LOG LINE\u001b[2J");
    assertThat(out.lines).containsExactly(
        "KUZNETSOV: reference R\\nSEVERE: FORGED LOG LINE\\u001B[2J");
  }
}
