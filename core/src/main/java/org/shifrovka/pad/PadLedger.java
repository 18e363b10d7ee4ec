package org.shifrovka.pad;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SortedSet;
import org.shifrovka.MalformedInputException;

/**
 * The durable record of used pad sheets, which makes the reuse of a sheet impossible.
 *
 * <p>The encoder reserves sheets here <em>before</em> any cipher text leaves the library; once
 * {@link #reserve} returns, the sheets are on record (for the file ledger: on disk, fsynced) and no
 * later reservation, in this process or another, by this instance or another opened on the same
 * file, can return them again. Asking for a used sheet by number ({@link #claim}) is refused with
 * {@link SheetReuseException}.
 *
 * <h2>Thread safety</h2>
 *
 * Implementations are safe for concurrent use by several threads; the file ledger is also safe for
 * several instances and processes sharing one file (it takes a file lock around every change).
 */
public interface PadLedger {

  /**
   * Reserves the first run of {@code count} consecutive unused sheets of {@code book} and records
   * them as used.
   *
   * @throws PadExhaustedException if the book has no such run left
   * @throws WrongPadException if this is a ledger file of another pad
   * @throws IOException if the record cannot be written; then nothing was reserved
   */
  SheetRun reserve(PadBook book, int count) throws PadExhaustedException, WrongPadException,
      IOException;

  /**
   * Records the given sheets as used.
   *
   * @throws SheetReuseException if any of them is already used; then none is recorded
   * @throws WrongPadException if this is a ledger file of another pad
   * @throws IOException if the record cannot be written
   */
  void claim(PadBook book, int first, int count) throws SheetReuseException, WrongPadException,
      IOException;

  /** Returns the numbers of the used sheets of a book. */
  SortedSet<Integer> usedSheets(String bookId) throws IOException;

  /** Returns a ledger that lives in memory only (for tests, benchmarks and one-shot demos). */
  static PadLedger inMemory(Clock clock) {
    return new MemoryPadLedger(clock);
  }

  /**
   * Opens an existing ledger file. A ledger belongs to one pad: the first reservation binds it to
   * its book's id and {@link PadBook#digest()}, and later ones with any other pad are refused
   * with {@link WrongPadException}. Opening reads the file and changes nothing.
   *
   * <p>A ledger is known by its real file: a symbolic link or another spelling of its path opens the
   * same ledger, with the same lock; a file with several hard links is refused. The file's records
   * and the file as a whole carry checks, so that an empty, truncated or changed ledger is refused
   * with the position of the damage instead of being taken for a new one.
   *
   * @throws java.nio.file.NoSuchFileException if there is no ledger at {@code file}: a mistyped
   *     path must not start a fresh ledger, which would use sheet 1 again
   * @throws MalformedInputException if the file exists but is not a whole, valid ledger: empty, cut
   *     short, changed or of another kind, with the line and column
   * @throws IOException if it cannot be read, is a dangling link or has several hard links
   */
  static PadLedger open(Path file, Clock clock) throws IOException, MalformedInputException {
    try {
      return FilePadLedger.open(file, clock, FilePadLedger.Mode.EXISTING, null);
    } catch (WrongPadException e) {
      throw new AssertionError("no pad to check", e);
    }
  }

  /**
   * Creates a new ledger file for {@code book}, with owner-only permissions: for a new pad, or one
   * that was never used.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a ledger exists at {@code file}
   * @throws IOException if it cannot be written
   */
  static PadLedger create(Path file, PadBook book, Clock clock) throws IOException {
    return openNew(file, book, clock, FilePadLedger.Mode.NEW);
  }

  /**
   * Returns a new ledger for {@code book} that is written to {@code file} by its first reservation,
   * with owner-only permissions: what a command that may fail before it enciphers anything needs
   * (such a command leaves no file behind). The file must not exist now, and is refused if it exists
   * by the first reservation.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a ledger exists at {@code file}
   * @throws IOException if the directory cannot be resolved
   */
  static PadLedger createOnFirstUse(Path file, PadBook book, Clock clock) throws IOException {
    return openNew(file, book, clock, FilePadLedger.Mode.NEW_ON_FIRST_USE);
  }

  private static PadLedger openNew(Path file, PadBook book, Clock clock, FilePadLedger.Mode mode)
      throws IOException {
    try {
      return FilePadLedger.open(file, clock, mode, java.util.Objects.requireNonNull(book, "book"));
    } catch (MalformedInputException | WrongPadException e) {
      throw new AssertionError("a new ledger is empty", e);
    }
  }

  /**
   * Opens the ledger file, creating it if there is none: only for a program that owns the
   * directory the ledger lives in (a station's own journal directory), never for a path a user
   * typed.
   *
   * @throws MalformedInputException if the file exists but is not a valid ledger
   * @throws IOException if it cannot be read or written
   */
  static PadLedger openOrCreate(Path file, Clock clock) throws IOException,
      MalformedInputException {
    try {
      return FilePadLedger.open(file, clock, FilePadLedger.Mode.EITHER, null);
    } catch (WrongPadException e) {
      throw new AssertionError("no pad to check", e);
    }
  }

  /**
   * Returns where the ledger of a pad file lives by default: beside it, {@code pads.txt.ledger}
   * for {@code pads.txt}. {@code shifrovka pad generate} creates it there.
   *
   * @param padFile the pad file
   * @return the ledger's path
   */
  static Path besidePad(Path padFile) {
    return padFile.resolveSibling(padFile.getFileName() + ".ledger");
  }
}
