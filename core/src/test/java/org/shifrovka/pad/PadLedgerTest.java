package org.shifrovka.pad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.MalformedInputException;

class PadLedgerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"),
      ZoneOffset.UTC);
  private final PadBook book = PadGenerator.seededInsecure(1).generate(10, 60);

  @TempDir
  Path dir;

  @Test
  void reserve_givesConsecutiveUnusedSheets() throws Exception {
    PadLedger ledger = PadLedger.create(dir.resolve("ledger.txt"), book, CLOCK);
    assertThat(ledger.reserve(book, 3)).isEqualTo(new SheetRun(book.id(), 1, 3));
    assertThat(ledger.reserve(book, 2)).isEqualTo(new SheetRun(book.id(), 4, 2));
    assertThat(ledger.usedSheets(book.id())).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void reserve_skipsAHoleTooSmall() throws Exception {
    PadLedger ledger = PadLedger.inMemory(CLOCK);
    ledger.claim(book, 2, 1);
    assertThat(ledger.reserve(book, 2)).isEqualTo(new SheetRun(book.id(), 3, 2));
    assertThat(ledger.reserve(book, 1)).isEqualTo(new SheetRun(book.id(), 1, 1));
  }

  @Test
  void claim_ofAUsedSheet_isRefusedAlsoAfterReopening() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, book, CLOCK).claim(book, 4, 1);
    PadLedger reopened = PadLedger.open(file, CLOCK);
    assertThatThrownBy(() -> reopened.claim(book, 3, 2))
        .isInstanceOf(SheetReuseException.class)
        .hasMessage("pad sheet 4 of book " + book.id()
            + " was already used (recorded 1949-01-13T13:40:00Z); a one-time pad sheet must never"
            + " be used twice");
    assertThat(reopened.usedSheets(book.id())).containsExactly(4); // sheet 3 was not recorded
  }

  @Test
  void exhaustedPad_isRefusedAndTheLedgerIsUnchanged() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger ledger = PadLedger.create(file, book, CLOCK);
    ledger.reserve(book, 9);
    String before = Files.readString(file);
    assertThatThrownBy(() -> ledger.reserve(book, 2))
        .isInstanceOf(PadExhaustedException.class)
        .hasMessage("pad book " + book.id() + " is exhausted: the telegram needs 2 consecutive"
            + " sheets, 1 of 10 sheet is left unused");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void ledgerFile_isOwnerOnly() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, book, CLOCK).reserve(book, 1);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void twoLedgersOnOneFile_neverHandOutTheSameSheet() throws Exception {
    Path file = dir.resolve("shared.txt");
    PadBook big = PadGenerator.seededInsecure(2).generate(400, 10);
    PadLedger a = PadLedger.create(file, big, CLOCK);
    PadLedger b = PadLedger.open(file, CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SheetRun>> futures = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        PadLedger l = i % 2 == 0 ? a : b;
        int count = 1 + i % 3;
        futures.add(pool.submit(() -> l.reserve(big, count)));
      }
      Set<Integer> seen = new HashSet<>();
      int total = 0;
      for (Future<SheetRun> f : futures) {
        SheetRun r = f.get();
        for (int s = r.first(); s <= r.last(); s++) {
          assertThat(seen.add(s)).as("sheet %d handed out twice", s).isTrue();
        }
        total += r.count();
      }
      assertThat(PadLedger.open(file, CLOCK).usedSheets(big.id())).hasSize(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMistypedPath_isNoFreshLedger() {
    assertThatThrownBy(() -> PadLedger.open(dir.resolve("ledgr.txt"), CLOCK))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(dir.resolve("ledgr.txt")).doesNotExist();
    assertThat(dir.resolve("ledgr.txt.lock")).doesNotExist();
  }

  @Test
  void aLedger_refusesAnotherPad_alsoOnePrintedUnderTheSameNumber() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger ledger = PadLedger.create(file, book, CLOCK);
    ledger.reserve(book, 1);
    PadBook other = PadGenerator.seededInsecure(9).generate("OTHER", 10, 60);
    assertThatThrownBy(() -> ledger.reserve(other, 1)).isInstanceOf(WrongPadException.class)
        .hasMessageContaining("this ledger belongs to pad book " + book.id());
    PadBook twin = PadGenerator.seededInsecure(9).generate(book.id(), 10, 60);
    assertThatThrownBy(() -> PadLedger.open(file, CLOCK).claim(twin, 5, 1))
        .isInstanceOf(WrongPadException.class)
        .hasMessageContaining("another pad printed as book " + book.id());
    assertThat(PadLedger.open(file, CLOCK).usedSheets(book.id())).containsExactly(1);
    assertThatThrownBy(() -> PadLedger.create(file, book, CLOCK))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }

  @Test
  void reading_changesNoFile() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, book, CLOCK).reserve(book, 2);
    Files.deleteIfExists(dir.resolve("ledger.txt.lock"));
    String before = Files.readString(file);
    assertThat(PadLedger.open(file, CLOCK).usedSheets(book.id())).containsExactly(1, 2);
    assertThat(Files.readString(file)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aVersion1Ledger_isRead_andBoundToItsPadOnFirstUse() throws Exception {
    Path file = dir.resolve("old.txt");
    Files.writeString(file, "SHIFROVKA PAD LEDGER 1\n" + book.id() + " 1 1949-01-13T13:40:00Z\n");
    PadLedger ledger = PadLedger.open(file, CLOCK);
    assertThat(ledger.reserve(book, 1)).isEqualTo(new SheetRun(book.id(), 2, 1));
    assertThat(Files.readString(file)).startsWith("SHIFROVKA PAD LEDGER 3\n")
        .contains("\npad " + book.id() + " " + book.digest() + " ");
    PadBook other = PadGenerator.seededInsecure(9).generate("OTHER", 10, 60);
    assertThatThrownBy(() -> ledger.reserve(other, 1)).isInstanceOf(WrongPadException.class);
  }

  @Test
  void malformedLedger_namesLineAndColumn() throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "SHIFROVKA PAD LEDGER 1\n12345 x 1949-01-13T13:40:00Z\n");
    assertThatThrownBy(() -> PadLedger.open(file, CLOCK))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(file + ":2:7: expected a sheet number, found \"x\"");
  }

  // Issue 22, finding 1: a ledger reached by another name must stay one ledger.

  @Test
  void aSymbolicLink_opensTheLedgerItNames_andKeepsBeingALink() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, book, CLOCK).reserve(book, 2);
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), file.getFileName());
    assertThat(PadLedger.open(link, CLOCK).reserve(book, 1))
        .isEqualTo(new SheetRun(book.id(), 3, 1));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(PadLedger.open(file, CLOCK).usedSheets(book.id())).containsExactly(1, 2, 3);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ledger.txt", "ledger.txt.lock", "link.txt");
    }
  }

  @Test
  void parallelEncodes_throughDifferentSpellingsOfOnePath_neverShareASheet() throws Exception {
    PadBook big = PadGenerator.seededInsecure(2).generate(60, 20);
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, big, CLOCK);
    Files.createDirectory(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("link.txt"), file);
    List<Path> names = List.of(file, dir.resolve("./ledger.txt"),
        dir.resolve("sub/../ledger.txt"), dir.resolve("link.txt"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (Path name : names) {
        results.add(pool.submit(() -> {
          List<Integer> got = new ArrayList<>();
          for (int round = 0; round < 10; round++) { // a fresh open per encode, as the CLI does
            got.add(PadLedger.open(name, CLOCK).reserve(big, 1).first());
          }
          return got;
        }));
      }
      Set<Integer> all = new HashSet<>();
      for (Future<List<Integer>> f : results) {
        for (int sheet : f.get()) {
          assertThat(all.add(sheet)).as("sheet %d handed out twice", sheet).isTrue();
        }
      }
      assertThat(all).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
    assertThat(PadLedger.open(file, CLOCK).usedSheets(big.id())).hasSize(40);
  }

  @Test
  void aLedgerWithTwoHardLinks_isRefused() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger.create(file, book, CLOCK);
    Path second = Files.createLink(dir.resolve("hard.txt"), file);
    assertThatThrownBy(() -> PadLedger.open(second, CLOCK))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("2 names (hard links)");
    assertThatThrownBy(() -> PadLedger.open(file, CLOCK))
        .hasMessageContaining("hard links");
  }

  @Test
  void aDanglingLink_isNoFreshLedger() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("gone.txt"));
    assertThatThrownBy(() -> PadLedger.create(link, book, CLOCK))
        .hasMessageContaining("does not exist");
    assertThat(Files.exists(dir.resolve("gone.txt"))).isFalse();
  }

  // Issue 22, finding 2: damage is refused with its position, never taken for a new ledger.

  private Path usedLedger() throws Exception {
    Path file = dir.resolve("ledger.txt");
    PadLedger ledger = PadLedger.create(file, book, CLOCK);
    ledger.reserve(book, 3);
    return file;
  }

  private void assertRefused(Path file, String position, String reason) throws Exception {
    assertThatThrownBy(() -> PadLedger.open(file, CLOCK).reserve(book, 1))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(file.toRealPath() + position)
        .hasMessageContaining(reason);
  }

  @Test
  void anEmptyLedger_isRefused() throws Exception {
    Path file = usedLedger();
    Files.write(file, new byte[0]);
    assertRefused(file, ":1:1: ", "the file is empty");
  }

  @Test
  void aLedgerCutInsideItsHeader_orAtAnyLineEnd_isRefused() throws Exception {
    Path file = usedLedger();
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, 40));
    assertRefused(file, ":", "cut short");
    String[] lines = whole.split("\n");
    for (int keep = 1; keep < lines.length; keep++) { // every line boundary before the end line
      Files.writeString(file, String.join("\n", java.util.Arrays.copyOf(lines, keep)) + "\n");
      assertRefused(file, ":", "cut short");
    }
    Files.writeString(file, whole.substring(0, whole.length() - 1)); // only the last newline lost
    assertRefused(file, ":", "cut short");
  }

  @Test
  void aNewlineFlippedToAVerticalTab_cannotHideASheet() throws Exception {
    Path file = usedLedger();
    String whole = Files.readString(file);
    int after = whole.indexOf("Do not edit");
    int nl = whole.indexOf('\n', after); // the newline ending the last comment line
    Files.writeString(file, whole.substring(0, nl) + '\u000B' + whole.substring(nl + 1));
    assertRefused(file, ":", "a control character (U+000B)");
  }

  @Test
  void aChangedDigit_isRefusedAtItsLine() throws Exception {
    Path file = usedLedger();
    String whole = Files.readString(file);
    String changed = whole.replace(book.id() + " 2 ", book.id() + " 7 ");
    assertThat(changed).isNotEqualTo(whole);
    Files.writeString(file, changed);
    int line = (int) whole.substring(0, whole.indexOf(book.id() + " 2 ")).chars()
        .filter(c -> c == '\n').count() + 1;
    assertRefused(file, ":" + line + ":", "does not match its check");
  }

  @Test
  void aRemovedSheetLineWithItsCheck_isRefusedByTheEndLine() throws Exception {
    Path file = usedLedger();
    String whole = Files.readString(file);
    int start = whole.indexOf("\n" + book.id() + " 2 ") + 1;
    int end = whole.indexOf('\n', start) + 1;
    Files.writeString(file, whole.substring(0, start) + whole.substring(end));
    assertRefused(file, ":", "does not match its check");
  }

  @Test
  void aByteThatIsNotUtf8_isRefusedWithItsPosition() throws Exception {
    Path file = usedLedger();
    byte[] bytes = Files.readAllBytes(file);
    bytes[1] = (byte) 0xFF;
    Files.write(file, bytes);
    assertRefused(file, ":1:2: ", "not valid UTF-8 (byte 0xFF)");
  }

  @Test
  void aLedgerOfAnotherKind_isRefused() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "groceries\n");
    assertRefused(file, ":1:1: ", "not a shifrovka pad ledger");
  }

  // Issue 22, finding 2: nothing is created when a command fails.

  @Test
  void aLedgerCreatedOnFirstUse_isNoFileUntilASheetIsUsed() throws Exception {
    Path file = dir.resolve("fresh.txt");
    PadLedger ledger = PadLedger.createOnFirstUse(file, book, CLOCK);
    assertThat(ledger.usedSheets(book.id())).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThat(ledger.reserve(book, 2)).isEqualTo(new SheetRun(book.id(), 1, 2));
    assertThat(ledger.reserve(book, 1)).isEqualTo(new SheetRun(book.id(), 3, 1));
    assertThat(PadLedger.open(file, CLOCK).usedSheets(book.id())).containsExactly(1, 2, 3);
  }

  @Test
  void aLedgerCreatedOnFirstUse_refusesAFileThatAppearedMeanwhile() throws Exception {
    Path file = dir.resolve("fresh.txt");
    PadLedger late = PadLedger.createOnFirstUse(file, book, CLOCK);
    PadLedger.create(file, book, CLOCK).reserve(book, 1);
    assertThatThrownBy(() -> late.reserve(book, 1))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThat(PadLedger.open(file, CLOCK).usedSheets(book.id())).containsExactly(1);
  }
}
