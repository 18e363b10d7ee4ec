package org.shifrovka.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shifrovka.sim.journal.Telegrams.CLOCK;
import static org.shifrovka.sim.journal.Telegrams.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadExhaustedException;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.SheetRun;
import org.shifrovka.telegram.RegistryNumber;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StationJournalTest {
  private final PadBook book = PadGenerator.seededInsecure(1).generate(10, 10);

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("KUZNETSOV.journal");
  }

  @Test
  void journal_newTelegram_isPendingInArrivalOrder() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      JournalEntry first = j.journal(telegram(15));
      JournalEntry second = j.journal(telegram(16));
      assertThat(first.state()).isEqualTo(TelegramState.PENDING);
      assertThat(first.duplicate()).isFalse();
      assertThat(first.journaledAt()).isEqualTo(CLOCK.instant());
      assertThat(first.record()).isEqualTo(telegram(15));
      assertThat(second.sequence()).isGreaterThan(first.sequence());
      assertThat(j.unacknowledged()).extracting(JournalEntry::serial).containsExactly(15, 16);
    }
  }

  @Test
  void journal_sameOriginAndSerialTwice_returnsTheFirstEntryAsDuplicate() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      JournalEntry first = j.journal(telegram(15));
      j.markForwarded("TEREBIN", 15);
      JournalEntry again = j.journal(telegram(15));
      assertThat(again.duplicate()).isTrue();
      assertThat(again.sequence()).isEqualTo(first.sequence());
      assertThat(again.state()).isEqualTo(TelegramState.FORWARDED);
      // the same serial from another sender is another telegram
      assertThat(j.journal(telegram("KUZNETSOV", 15)).duplicate()).isFalse();
      assertThat(j.unacknowledged()).hasSize(2);
    }
  }

  @Test
  void marks_moveThroughTheStates_andAnAcknowledgementIsFinal() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.journal(telegram(15));
      j.journal(telegram(16));
      j.journal(telegram(17));
      assertThat(j.markForwarded("TEREBIN", 15).forwardCount()).isEqualTo(1);
      JournalEntry resent = j.markForwarded("TEREBIN", 15);
      assertThat(resent.state()).isEqualTo(TelegramState.FORWARDED);
      assertThat(resent.forwardCount()).isEqualTo(2);
      assertThat(resent.lastForwardedAt()).contains(CLOCK.instant());

      JournalEntry acked = j.markAcknowledged("TEREBIN", 15);
      assertThat(acked.state()).isEqualTo(TelegramState.ACKNOWLEDGED);
      assertThat(acked.acknowledgedAt()).contains(CLOCK.instant());
      assertThat(j.markAcknowledged("TEREBIN", 15)).isEqualTo(acked); // repeated receipt
      assertThat(j.markForwarded("TEREBIN", 15).state()).isEqualTo(TelegramState.ACKNOWLEDGED);
      // a receipt may arrive for a telegram whose forwarding mark a crash lost
      assertThat(j.markAcknowledged("TEREBIN", 17).state()).isEqualTo(TelegramState.ACKNOWLEDGED);

      assertThat(j.unacknowledged()).extracting(JournalEntry::serial).containsExactly(16);
    }
  }

  @Test
  void marks_ofAnUnknownTelegram_areRefused() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.journal(telegram(15));
      assertThatThrownBy(() -> j.markAcknowledged("TEREBIN", 99))
          .isInstanceOf(UnknownTelegramException.class)
          .hasMessage("no telegram No. 99 from TEREBIN in the station journal");
      assertThatThrownBy(() -> j.markForwarded("FILIPPOV", 15))
          .isInstanceOf(UnknownTelegramException.class);
      assertThat(j.entry("TEREBIN", 15)).get().extracting(JournalEntry::state)
          .isEqualTo(TelegramState.PENDING);
    }
  }

  @Test
  void reopen_afterClose_keepsTelegramsRegistersAndPadSheets() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.journal(telegram(15));
      j.journal(telegram(16));
      j.journal(telegram(17));
      j.markForwarded("TEREBIN", 15);
      j.markAcknowledged("TEREBIN", 16);
      j.nextRegistryNumber("KUZNETSOV", 50450, 20);
      j.padLedger().reserve(book, 2);
    }
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      assertThat(j.unacknowledged()).extracting(JournalEntry::serial, JournalEntry::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(15, TelegramState.FORWARDED),
              org.assertj.core.groups.Tuple.tuple(17, TelegramState.PENDING));
      assertThat(j.unacknowledged().get(0).record()).isEqualTo(telegram(15));
      assertThat(j.entry("TEREBIN", 16)).get().extracting(JournalEntry::state)
          .isEqualTo(TelegramState.ACKNOWLEDGED);
      assertThat(j.nextRegistryNumber("KUZNETSOV", 50450, 20)).isEqualTo(RegistryNumber.of(50470));
      assertThat(j.padLedger().usedSheets(book.id())).containsExactly(1, 2);
      assertThat(j.padLedger().reserve(book, 1)).isEqualTo(new SheetRun(book.id(), 3, 1));
    }
  }

  @Test
  void registryNumbers_areGapFreeAndNeverReusedAcrossReopening() throws Exception {
    List<Integer> issued = new ArrayList<>();
    for (int session = 0; session < 3; session++) {
      try (StationJournal j = StationJournal.open(file(), CLOCK)) {
        for (int i = 0; i < 3; i++) {
          issued.add(j.nextRegistryNumber("KUZNETSOV", 50450, 20).value());
        }
        assertThat(j.nextRegistryNumber("FILIPPOV", 100, 1, 4).toString())
            .isEqualTo(String.format("%04d", 100 + session));
      }
    }
    assertThat(issued).containsExactly(50450, 50470, 50490, 50510, 50530, 50550, 50570, 50590,
        50610);
  }

  @Test
  void registry_withAnotherBaseOrStep_isRefused() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.nextRegistryNumber("KUZNETSOV", 50450, 20);
      assertThatThrownBy(() -> j.nextRegistryNumber("KUZNETSOV", 50450, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the register of KUZNETSOV has base 50450 and step 20, not 50450 and 10");
      assertThat(j.nextRegistryNumber("KUZNETSOV", 50450, 20).value()).isEqualTo(50470);
    }
  }

  @Test
  void padLedger_claimOfAUsedSheet_isRefusedAndRecordsNothing() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      PadLedger ledger = j.padLedger();
      ledger.claim(book, 4, 1);
      assertThatThrownBy(() -> ledger.claim(book, 3, 2))
          .isInstanceOf(SheetReuseException.class)
          .hasMessage("pad sheet 4 of book " + book.id()
              + " was already used (recorded 1949-01-13T13:40:00Z); a one-time pad sheet must"
              + " never be used twice");
      assertThat(ledger.usedSheets(book.id())).containsExactly(4);
      assertThat(ledger.reserve(book, 3)).isEqualTo(new SheetRun(book.id(), 1, 3));
      assertThat(ledger.reserve(book, 2)).isEqualTo(new SheetRun(book.id(), 5, 2));
    }
  }

  @Test
  void padLedger_exhausted_isRefusedLikeTheCoreLedgers() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.padLedger().reserve(book, 9);
      PadLedger core = PadLedger.inMemory(CLOCK);
      core.reserve(book, 9);
      Throwable expected = org.assertj.core.api.Assertions.catchThrowable(
          () -> core.reserve(book, 2));
      assertThatThrownBy(() -> j.padLedger().reserve(book, 2))
          .isInstanceOf(PadExhaustedException.class)
          .hasMessage(expected.getMessage())
          .hasMessage("pad book " + book.id() + " is exhausted: the telegram needs 2 consecutive"
              + " sheets, 1 of 10 sheet is left unused");
      assertThat(j.padLedger().usedSheets(book.id())).hasSize(9);
    }
  }

  @Test
  void twoJournalsOnOneFile_neverHandOutTheSameSheetOrRegistryNumber() throws Exception {
    PadBook big = PadGenerator.seededInsecure(2).generate(200, 2);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (StationJournal a = StationJournal.open(file(), CLOCK);
        StationJournal b = StationJournal.open(file(), CLOCK)) {
      List<Future<SheetRun>> runs = new ArrayList<>();
      List<Future<RegistryNumber>> numbers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        StationJournal j = i % 2 == 0 ? a : b;
        int count = 1 + i % 3;
        runs.add(pool.submit(() -> j.padLedger().reserve(big, count)));
        numbers.add(pool.submit(() -> j.nextRegistryNumber("KUZNETSOV", 1, 1)));
      }
      Set<Integer> sheets = new HashSet<>();
      int total = 0;
      for (Future<SheetRun> f : runs) {
        SheetRun r = f.get();
        for (int s = r.first(); s <= r.last(); s++) {
          assertThat(sheets.add(s)).as("sheet %d handed out twice", s).isTrue();
        }
        total += r.count();
      }
      Set<Integer> issued = new HashSet<>();
      for (Future<RegistryNumber> f : numbers) {
        assertThat(issued.add(f.get().value())).isTrue();
      }
      assertThat(issued).hasSize(40).allMatch(n -> n >= 1 && n <= 40); // gap-free
      assertThat(a.padLedger().usedSheets(big.id())).hasSize(total);
      assertThat(b.padLedger().usedSheets(big.id())).hasSize(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void journalFile_isOwnerOnly() throws Exception {
    try (StationJournal j = StationJournal.open(file(), CLOCK)) {
      j.journal(telegram(15));
    }
    if (file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void journalFile_isInWalMode() throws Exception {
    StationJournal.open(file(), CLOCK).close();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
        var s = c.createStatement();
        var rs = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void open_ofAFileThatIsNotAJournal_isRefused() throws Exception {
    Path other = dir.resolve("other.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    assertThatThrownBy(() -> StationJournal.open(other, CLOCK))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("is not a station journal");
    Path text = dir.resolve("text.db");
    Files.writeString(text, "SHIFROVKA PAD LEDGER 1\n");
    assertThatThrownBy(() -> StationJournal.open(text, CLOCK))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void closedJournal_refusesUse() throws Exception {
    StationJournal j = StationJournal.open(file(), CLOCK);
    j.close();
    j.close(); // idempotent
    assertThatThrownBy(() -> j.journal(telegram(15))).isInstanceOf(IllegalStateException.class);
  }
}
