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
   * @throws IOException if the record cannot be written; then nothing was reserved
   */
  SheetRun reserve(PadBook book, int count) throws PadExhaustedException, IOException;

  /**
   * Records the given sheets as used.
   *
   * @throws SheetReuseException if any of them is already used; then none is recorded
   * @throws IOException if the record cannot be written
   */
  void claim(PadBook book, int first, int count) throws SheetReuseException, IOException;

  /** Returns the numbers of the used sheets of a book. */
  SortedSet<Integer> usedSheets(String bookId) throws IOException;

  /** Returns a ledger that lives in memory only (for tests, benchmarks and one-shot demos). */
  static PadLedger inMemory(Clock clock) {
    return new MemoryPadLedger(clock);
  }

  /**
   * Opens (or creates, with owner-only permissions) a ledger file.
   *
   * @throws MalformedInputException if the file exists but is not a valid ledger
   * @throws IOException if it cannot be read
   */
  static PadLedger open(Path file, Clock clock) throws IOException, MalformedInputException {
    return FilePadLedger.open(file, clock);
  }
}
