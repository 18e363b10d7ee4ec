package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.core.JournalDeliveries;

/** The output of deliveries read back after a crash: a torn or damaged tail is redone. */
class DeliveryOutputTest {
  @TempDir Path dir;

  private static ProcessStation.Delivery delivery(int n) {
    return new ProcessStation.Delivery("TEREBIN/" + n, "TEXT " + n, List.of("01" + n), n, n + 1);
  }

  private static JournalDeliveries.Delivered journal(int n) {
    return new JournalDeliveries.Delivered(n, "TEREBIN/" + n, "TEXT " + n, List.of("01" + n), n);
  }

  @Test
  void aTornLastLine_isCutAndWrittenAgainFromTheJournal_andNothingTwice() throws Exception {
    Path file = dir.resolve("FILIPPOV.deliveries");
    String two = DeliveryOutput.line(delivery(1), false) + DeliveryOutput.line(delivery(2), false);
    String torn = DeliveryOutput.line(delivery(3), false);
    Files.writeString(file, two + torn.substring(0, torn.length() / 2));
    List<ProcessStation.Delivery> told = new ArrayList<>();
    try (DeliveryOutput out = DeliveryOutput.open(file, DeliveryOutput.Pause.NONE)) {
      assertThat(out.size()).isEqualTo(2);
      assertThat(out.complete(List.of(journal(1), journal(2), journal(3)), 99, told::add))
          .isEqualTo(1);
      assertThat(out.deliver(delivery(3), told::add)).as("held already").isFalse();
      assertThat(out.deliver(delivery(4), told::add)).isTrue();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).contains("\"reference\":\"TEREBIN/3\"", "\"recovered\":true",
        "\"deliveredAt\":99");
    assertThat(lines.get(3)).contains("\"reference\":\"TEREBIN/4\"").doesNotContain("recovered");
    assertThat(told).extracting(ProcessStation.Delivery::reference)
        .containsExactly("TEREBIN/3", "TEREBIN/4");
  }

  @Test
  void aDamagedLine_isCutWithEverythingAfterIt_andRedoneInTheJournalsOrder() throws Exception {
    Path file = dir.resolve("FILIPPOV.deliveries");
    Files.writeString(file, DeliveryOutput.line(delivery(1), false) + "\0\0\0\0\n"
        + DeliveryOutput.line(delivery(2), false));
    try (DeliveryOutput out = DeliveryOutput.open(file, DeliveryOutput.Pause.NONE)) {
      assertThat(out.size()).isEqualTo(1);
      out.complete(List.of(journal(1), journal(2)), 5, d -> { });
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("TEREBIN/2");
  }
}
