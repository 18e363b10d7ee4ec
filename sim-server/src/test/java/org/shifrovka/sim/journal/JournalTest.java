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
        case 0 -> out.add(new JournalRecord.Filed("TEREBIN/" + i, "test:" + i,
            List.of(sent, sent)));
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
    try (Journal j = Journal.sqlite(file, "T seed 1", heard::add)) {
      for (int i = 0; i < rs.size(); i++) {
        j.append(i + 1, rs.get(i));
      }
    }
    assertThat(heard).isSorted().endsWith(1000L);
    try (Journal j = Journal.sqlite(file, "T seed 1", upTo -> {})) {
      assertThat(j.durable()).isEqualTo(1000);
      assertThat(encoded(j.records())).isEqualTo(encoded(rs));
      j.append(1001, rs.get(0));
    }
  }

  @Test
  void sqlite_oneCommitCoversEverythingAppendedMeanwhile() throws IOException {
    try (Journal j = Journal.sqlite(dir.resolve("g.db"), "T seed 1", upTo -> {})) {
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
    try (Journal j = Journal.sqlite(dir.resolve("o.db"), "T seed 1", upTo -> {})) {
      assertThatThrownBy(() -> j.append(2, sample(1).get(0))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void sqlite_servesOneOwnerOnly() throws IOException {
    Path file = dir.resolve("owned.db");
    try (Journal j = Journal.sqlite(file, "FILIPPOV seed 1949", upTo -> {})) {
      j.append(1, sample(1).get(0));
    }
    assertThatThrownBy(() -> Journal.sqlite(file, "KUZNETSOV seed 1949", upTo -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is the journal of FILIPPOV seed 1949, not of KUZNETSOV seed 1949");
    try (Journal j = Journal.sqlite(file, "FILIPPOV seed 1949", upTo -> {})) {
      assertThat(j.records()).hasSize(1);
    }
  }

  @Test
  void sqlite_fileIsOwnerOnly_inWalMode_andRefusesUseAfterClose() throws Exception {
    Path file = dir.resolve("own.db");
    Journal j = Journal.sqlite(file, "T seed 1", upTo -> {});
    j.append(1, sample(1).get(0));
    j.close();
    j.close(); // idempotent
    assertThatThrownBy(() -> j.append(2, sample(2).get(1))).isInstanceOf(IOException.class);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement();
        var rs = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void sqlite_ofAFileThatIsNotAJournal_isRefused() throws Exception {
    Path other = dir.resolve("other.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    assertThatThrownBy(() -> Journal.sqlite(other, "T seed 1", upTo -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("is not a station journal");
    Path text = dir.resolve("text.db");
    java.nio.file.Files.writeString(text, "SHIFROVKA PAD LEDGER 1\n");
    assertThatThrownBy(() -> Journal.sqlite(text, "T seed 1", upTo -> {}))
        .isInstanceOf(IOException.class);
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
