package org.shifrovka.benchmarks;

import java.time.Clock;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadExhaustedException;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.SheetRun;

/**
 * PROTOTYPE, not used by the library: an in-memory {@link PadLedger} with the same contract as
 * {@link PadLedger#inMemory} (the first run of {@code count} unused sheets, never a used one twice)
 * that finds that run in time proportional to the sheets it looks at near the first free sheet,
 * not to every sheet used so far.
 *
 * <p>The core's {@code LedgerState.findRun} walks the book from sheet 1 and asks a
 * {@code HashMap<Integer, Instant>} about every sheet, so the n-th reservation costs O(sheets used
 * so far) boxed look-ups. Here each book has a {@link BitSet} of used sheets and a low-water mark
 * (no sheet below it is free), and the search jumps with {@link BitSet#nextClearBit} and
 * {@link BitSet#nextSetBit}. It keeps no reservation times: the core ledger's times would stay in
 * its entry list, which is not on the look-up path.
 */
final class CursorLedger implements PadLedger {
  private final Clock clock;
  private final Map<String, Book> books = new HashMap<>();

  CursorLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static final class Book {
    final BitSet used = new BitSet();
    int lowWater = 1; // every sheet below it is used
  }

  @Override
  public synchronized SheetRun reserve(PadBook book, int count) throws PadExhaustedException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    Book b = books.computeIfAbsent(book.id(), k -> new Book());
    int s = b.used.nextClearBit(b.lowWater);
    b.lowWater = s;
    while (s + count - 1 <= book.sheetCount()) {
      int nextUsed = b.used.nextSetBit(s);
      if (nextUsed < 0 || nextUsed >= s + count) {
        b.used.set(s, s + count);
        clock.instant(); // the core ledger reads the clock once per reservation
        return new SheetRun(book.id(), s, count);
      }
      s = b.used.nextClearBit(nextUsed);
    }
    throw new PadExhaustedException("pad book " + book.id() + " is exhausted");
  }

  @Override
  public synchronized void claim(PadBook book, int first, int count) throws SheetReuseException {
    Book b = books.computeIfAbsent(book.id(), k -> new Book());
    int used = b.used.nextSetBit(first);
    if (used >= 0 && used < first + count) {
      throw new SheetReuseException(book.id(), used, "");
    }
    b.used.set(first, first + count);
  }

  @Override
  public synchronized SortedSet<Integer> usedSheets(String bookId) {
    TreeSet<Integer> out = new TreeSet<>();
    Book b = books.get(bookId);
    if (b != null) {
      b.used.stream().forEach(out::add);
    }
    return Collections.unmodifiableSortedSet(out);
  }
}
