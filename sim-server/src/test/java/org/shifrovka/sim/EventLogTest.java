package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
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
    assertThat(log.timeline(false)).startsWith("1949-01-13 21:41:00 (Moscow 16:41:00)  TEREBIN"
        + "    filed");
  }
}
