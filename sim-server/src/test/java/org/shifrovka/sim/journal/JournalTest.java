package org.shifrovka.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.core.JournalRecord;

/** The journal interface, in memory and in SQLite: order, durability reports, reading back. */
class JournalTest {
  @TempDir
  Path dir;

  private static final RadiogramHeader HEADER = new RadiogramHeader("FILIPPOV", "TEREBIN/15",
      false, 15, 2, 13, 1000, 1, 42);

  static List<JournalRecord> sample(int n) {
    List<JournalRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] groups = ("1234567890" + i % 10).substring(0, 10).getBytes();
      JournalRecord.Sent sent = new JournalRecord.Sent("KUZNETSOV", HEADER, groups);
      switch (i % 5) {
        case 0 -> out.add(new JournalRecord.Filed("TEREBIN/" + i, List.of(sent, sent)));
        case 1 -> out.add(new JournalRecord.Registered("TEREBIN", i, 50450 + i, HEADER, 12345,
            "PART 1 OF 1\nNo. 15 TEREBIN 13.1\nWE THINK"));
        case 2 -> out.add(new JournalRecord.Acknowledged("KUZNETSOV", i));
        case 3 -> out.add(new JournalRecord.GaveUp("KUZNETSOV", i));
        default -> out.add(new JournalRecord.Completed("TEREBIN", "TEREBIN/" + i, i,
            List.of(sent)));
      }
    }
    return out;
  }

  private static List<String> encoded(List<JournalRecord> rs) {
    List<String> out = new ArrayList<>();
    for (JournalRecord r : rs) {
      out.add(JournalCodec.kind(r) + ":" + java.util.HexFormat.of().formatHex(
          JournalCodec.encode(r)));
    }
    return out;
  }

  @Test
  void sqlite_recordsSurviveCloseAndReopen_inOrder() throws IOException {
    List<JournalRecord> rs = sample(1000);
    List<Long> heard = new CopyOnWriteArrayList<>();
    Path file = dir.resolve("j.db");
    try (Journal j = Journal.sqlite(file, heard::add)) {
      for (int i = 0; i < rs.size(); i++) {
        j.append(i + 1, rs.get(i));
      }
    }
    assertThat(heard).isSorted().endsWith(1000L);
    try (Journal j = Journal.sqlite(file, upTo -> {})) {
      assertThat(j.durable()).isEqualTo(1000);
      assertThat(encoded(j.records())).isEqualTo(encoded(rs));
      j.append(1001, rs.get(0));
    }
  }

  @Test
  void sqlite_oneCommitCoversEverythingAppendedMeanwhile() throws IOException {
    try (Journal j = Journal.sqlite(dir.resolve("g.db"), upTo -> {})) {
      List<JournalRecord> rs = sample(5000);
      for (int i = 0; i < rs.size(); i++) {
        j.append(i + 1, rs.get(i));
      }
      j.close();
      assertThat(j.durable()).isEqualTo(5000);
      assertThat(j.commits()).isBetween(1L, 5000L);
    }
  }

  @Test
  void append_outOfOrder_isRefused() throws IOException {
    try (Journal j = Journal.inMemory(upTo -> {})) {
      assertThatThrownBy(() -> j.append(2, sample(1).get(0))).isInstanceOf(IOException.class);
    }
    try (Journal j = Journal.sqlite(dir.resolve("o.db"), upTo -> {})) {
      assertThatThrownBy(() -> j.append(2, sample(1).get(0))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void memory_isDurableAtOnce() throws IOException {
    List<Long> heard = new ArrayList<>();
    try (Journal j = Journal.inMemory(heard::add)) {
      j.append(1, sample(1).get(0));
      assertThat(heard).containsExactly(1L);
      assertThat(j.records()).hasSize(1);
    }
  }

  @Test
  void codec_unknownKind_isRefused() {
    assertThatThrownBy(() -> JournalCodec.decode(99, new byte[0])).isInstanceOf(
        IOException.class).hasMessageContaining("unknown journal record kind 99");
  }
}
