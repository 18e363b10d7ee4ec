package org.shifrovka.sim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private static final Instant EPOCH = Instant.parse("1949-01-13T13:40:00Z");
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void timeline_linesAreLocalAndMoscowTime_stationAndEventInColumns_longNamesUncut() {
    EventLog log = new EventLog(EPOCH, Map.of("TEREBIN", ZoneId.of("Asia/Shanghai"),
        "KUZNETSOV", ZoneId.of("Europe/Moscow")), null);
    // two stations at one instant (one time format each), names longer than their columns,
    // and events the short timeline leaves out
    log.add(0, "TEREBIN", "filed", "FILIPPOV", "TEREBIN/15", "message TEREBIN/15");
    log.add(0, "TEREBIN", "send", "KUZNETSOV", "TEREBIN/15", "-> KUZNETSOV No. 15");
    log.add(0, "KUZNETSOV", "registered", "TEREBIN", "TEREBIN/15", "No. 15 registered 50450");
    log.add(0, "TEREBIN", "receipt", "KUZNETSOV", "TEREBIN/15", "<- KUZNETSOV R 15");
    log.add(MINUTE, "A-VERY-LONG-STATION", "a-very-long-event-name", "", "", "detail");
    log.add(MINUTE, "KUZNETSOV", "forward", "FILIPPOV", "TEREBIN/15", "-> FILIPPOV");

    StringBuilder expected = new StringBuilder();
    for (EventLog.Entry e : log.entries()) {
      if (e.event().equals("send")) {
        continue;
      }
      expected.append(log.when(e.simNanos(), e.station())).append("  ")
          .append(String.format(Locale.ROOT, "%-10s", e.station())).append(' ')
          .append(String.format(Locale.ROOT, "%-12s", e.event())).append(' ')
          .append(e.detail()).append('\n');
    }
    String timeline = log.timeline(false);
    assertThat(timeline).isEqualTo(expected.toString());
    assertThat(timeline.lines().toList()).hasSize(5).first().asString()
        .isEqualTo("1949-01-13 21:40:00 (Moscow 16:40:00)  TEREBIN    filed        message TEREBIN/15");
    assertThat(timeline).contains("1949-01-13 16:40:00                   KUZNETSOV  registered")
        .contains("A-VERY-LONG-STATION a-very-long-event-name detail");
    assertThat(log.timeline(true)).contains("send         -> KUZNETSOV No. 15");
  }
}
