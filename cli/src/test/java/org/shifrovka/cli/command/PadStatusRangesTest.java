package org.shifrovka.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code pad status} writes sheet numbers. */
class PadStatusRangesTest {
  @Test
  void ranges_joinRunsOfConsecutiveSheets() {
    assertThat(PadCommand.Status.ranges(List.of(1, 2, 3, 5, 7, 8))).isEqualTo(" (1-3, 5, 7-8)");
    assertThat(PadCommand.Status.ranges(List.of(4))).isEqualTo(" (4)");
    assertThat(PadCommand.Status.ranges(List.of())).isEmpty();
  }
}
