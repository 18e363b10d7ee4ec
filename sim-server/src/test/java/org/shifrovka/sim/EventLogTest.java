package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shifrovka.sim.observe.EventLog;

class EventLogTest {
  @Test
  void add_writesOneJsonLineWithSimulatedAndRealTime_andTheTimelineShowsLocalAndMoscowTime() {
    StringBuilder json = new StringBuilder();
    EventLog log = new EventLog(Instant.parse("1949-01-13T13:40:00Z"),
        Map.of("TEREBIN", ZoneId.of("Asia/Shanghai")), json);
    log.add(60_000_000_000L, "TEREBIN", "filed", "FILIPPOV", "TEREBIN/15",
        "a \"quoted\" detail\n");
    assertThat(json.toString()).startsWith("{\"sim\":\"1949-01-13T13:41:00Z\",\"sim_ns\":60000000000,"
        + "\"real_ms\":").endsWith(",\"station\":\"TEREBIN\",\"event\":\"filed\",\"peer\":"
        + "\"FILIPPOV\",\"ref\":\"TEREBIN/15\",\"detail\":\"a \\\"quoted\\\" detail\\u000a\"}\n");
    assertThat(log.timeline(false)).startsWith("1949-01-13 21:41:00  16:41:00  TEREBIN"
        + "    filed");
  }

  @Test
  void summarisePast_keepsTheFirstAndLastQuarterAndCountsTheRest_butTheJsonLinesGetAll() {
    for (int n : new int[] {8, 9, 30}) {
      StringBuilder json = new StringBuilder();
      EventLog log = new EventLog(Instant.parse("1949-01-13T13:40:00Z"), Map.of(), json, false)
          .summarisePast(8);
      EventLog whole = new EventLog(Instant.parse("1949-01-13T13:40:00Z"), Map.of(), null, false);
      for (int i = 0; i < n; i++) {
        log.add(i * 1_000_000_000L, "A", "filed", "B", "A/" + i, "message " + i);
        whole.add(i * 1_000_000_000L, "A", "filed", "B", "A/" + i, "message " + i);
      }
      assertThat(json.toString().split("\n")).hasSize(n);
      String[] all = whole.timeline(false).split("\n");
      if (n <= 8) {
        assertThat(log.timeline(false)).isEqualTo(whole.timeline(false));
        continue;
      }
      assertThat(log.entries()).hasSize(4);
      assertThat(log.timeline(false).split("\n")).containsExactly(all[0], all[1],
          "... " + (n - 4) + " more lines of timeline (" + n + " in all; the whole timeline or"
              + " the event log shows them) ...", all[n - 2], all[n - 1]);
    }
  }

  @Test
  void timeline_linesAreLocalAndMoscowTime_stationAndEventInColumns_longNamesUncut() {
    EventLog log = new EventLog(Instant.parse("1949-01-13T13:40:00Z"),
        Map.of("TEREBIN", ZoneId.of("Asia/Shanghai"), "KUZNETSOV", ZoneId.of("Europe/Moscow")),
        null);
    // two stations at one instant (one time format each), names longer than their columns,
    // and events the short timeline leaves out
    log.add(0, "TEREBIN", "filed", "FILIPPOV", "TEREBIN/15", "message TEREBIN/15");
    log.add(0, "TEREBIN", "send", "KUZNETSOV", "TEREBIN/15", "-> KUZNETSOV No. 15");
    log.add(0, "KUZNETSOV", "registered", "TEREBIN", "TEREBIN/15", "No. 15 registered 50450");
    log.add(0, "TEREBIN", "receipt", "KUZNETSOV", "TEREBIN/15", "<- KUZNETSOV R 15");
    log.add(60_000_000_000L, "A-VERY-LONG-STATION", "a-very-long-event-name", "", "", "detail");
    log.add(60_000_000_000L, "KUZNETSOV", "forward", "FILIPPOV", "TEREBIN/15", "-> FILIPPOV");

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
        .isEqualTo("1949-01-13 21:40:00  16:40:00  TEREBIN    filed        message"
            + " TEREBIN/15");
    assertThat(timeline).contains("1949-01-13 16:40:00  16:40:00  KUZNETSOV  registered")
        .contains("A-VERY-LONG-STATION a-very-long-event-name detail");
    assertThat(log.timeline(true)).contains("send         -> KUZNETSOV No. 15");
  }

  @Test
  void logWithoutFrames_keepsWhatTheShortTimelineShows_andWritesEveryEventAsJson() {
    StringBuilder json = new StringBuilder();
    EventLog all = new EventLog(Instant.parse("1949-01-13T13:40:00Z"), Map.of(), null);
    EventLog lean = new EventLog(Instant.parse("1949-01-13T13:40:00Z"), Map.of(), json, false);
    for (EventLog log : new EventLog[] {all, lean}) {
      log.add(0, "TEREBIN", "filed", "FILIPPOV", "TEREBIN/15", "message TEREBIN/15");
      log.add(0, "TEREBIN", "send", "KUZNETSOV", "TEREBIN/15", "-> KUZNETSOV No. 15");
      log.add(0, "KUZNETSOV", "receipt-sent", "TEREBIN", "", "-> TEREBIN R 15");
      log.add(0, "KUZNETSOV", "duplicate", "TEREBIN", "", "No. 15 again");
      log.add(0, "KUZNETSOV", "registered", "TEREBIN", "TEREBIN/15", "No. 15 registered 50450");
    }
    assertThat(lean.timeline(false)).isEqualTo(all.timeline(false)).contains("registered")
        .doesNotContain("receipt-sent");
    assertThat(lean.entries()).extracting(EventLog.Entry::event)
        .containsExactly("filed", "registered");
    assertThat(json.toString().lines()).hasSize(5);
    assertThat(all.timeline(true)).contains("-> KUZNETSOV No. 15");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lean.timeline(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("frames");
  }
}
