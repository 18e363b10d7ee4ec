package org.shifrovka.sim.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;

/** Test telegrams. */
final class Telegrams {
  static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"), ZoneOffset.UTC);

  private Telegrams() {}

  /** Returns telegram {@code serial} from TEREBIN to FILIPPOV, with groups derived from the serial. */
  static TelegramRecord telegram(int serial) {
    return telegram("TEREBIN", serial);
  }

  static TelegramRecord telegram(String origin, int serial) {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      groups.add(String.format("%05d", (serial * 7919 + i * 104_729) % 100_000));
    }
    Radiogram r = Radiogram.of(serial, groups.size(), 13, LocalTime.of(16, 40), Precedence.URGENT,
        groups);
    return TelegramRecord.of(origin, "FILIPPOV", r);
  }
}
