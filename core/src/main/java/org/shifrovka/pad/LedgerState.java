package org.shifrovka.pad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The used-sheet records a ledger holds, with the rules of reservation; {@link LedgerText} is its
 * form in a file. Not thread-safe.
 */
final class LedgerState {
  /** The pad this ledger belongs to, once bound: its book id and digest. */
  private String padId;
  private String padDigest;

  /** One line of the ledger: a used sheet and when it was reserved. */
  record Entry(String bookId, int sheet, Instant at) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, BookUse> books = new HashMap<>();

  /**
   * The used sheets of one book as a bit set (bit n = sheet n), with the lowest sheet that may be
   * unused, so that a reservation looks only at the free stretch of the book instead of walking it
   * from sheet 1.
   */
  private static final class BookUse {
    final BitSet used = new BitSet();
    int lowWater = 1;

    void mark(int sheet) {
      used.set(sheet);
      if (sheet == lowWater) {
        lowWater = used.nextClearBit(lowWater);
      }
    }
  }

  /**
   * Binds the ledger to {@code book}, or checks that it is bound to it.
   *
   * @throws WrongPadException if the ledger belongs to another pad
   */
  void bindTo(PadBook book) throws WrongPadException {
    if (padId == null) {
      for (Entry e : entries) { // a version-1 ledger: its entries must be of this book
        if (!e.bookId().equals(book.id())) {
          throw new WrongPadException("this ledger records sheets of pad book " + e.bookId()
              + ", not of book " + book.id() + ": each pad has a ledger of its own");
        }
      }
      padId = book.id();
      padDigest = book.digest();
      return;
    }
    if (!padId.equals(book.id())) {
      throw new WrongPadException("this ledger belongs to pad book " + padId + ", not to book "
          + book.id() + ": each pad has a ledger of its own");
    }
    if (!padDigest.equals(book.digest())) {
      throw new WrongPadException("this ledger belongs to another pad printed as book " + padId
          + " (digest " + padDigest.substring(0, 19) + "..., this pad " + book.digest()
          .substring(0, 19) + "...): a ledger keeps the sheets of one pad only");
    }
  }

  /** Returns the id of the book this ledger belongs to, or null if it is not bound yet. */
  String padId() {
    return padId;
  }

  void add(Entry e) {
    entries.add(e);
    books.computeIfAbsent(e.bookId(), k -> new BookUse()).mark(e.sheet());
  }

  boolean isUsed(String bookId, int sheet) {
    BookUse u = books.get(bookId);
    return u != null && sheet >= 0 && u.used.get(sheet);
  }

  /** Returns when a sheet was recorded, or null if it is unused; a rare path, so a scan. */
  Instant usedAt(String bookId, int sheet) {
    if (!isUsed(bookId, sheet)) {
      return null;
    }
    for (Entry e : entries) {
      if (e.sheet() == sheet && e.bookId().equals(bookId)) {
        return e.at();
      }
    }
    throw new AssertionError("sheet marked used without an entry");
  }

  SortedSet<Integer> usedSheets(String bookId) {
    BookUse u = books.get(bookId);
    TreeSet<Integer> out = new TreeSet<>();
    if (u != null) {
      u.used.stream().forEach(out::add);
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** Finds the first run of {@code count} unused sheets, or throws. Records nothing. */
  SheetRun findRun(PadBook book, int count) throws PadExhaustedException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    BookUse u = books.get(book.id());
    int last = book.sheetCount();
    if (u == null) {
      if (count <= last) {
        return new SheetRun(book.id(), 1, count);
      }
    } else {
      int start = u.used.nextClearBit(u.lowWater);
      while (start + count - 1 <= last) {
        int nextUsed = u.used.nextSetBit(start);
        int end = nextUsed < 0 ? last + 1 : Math.min(nextUsed, last + 1); // exclusive
        if (end - start >= count) {
          return new SheetRun(book.id(), start, count);
        }
        start = u.used.nextClearBit(end);
      }
    }
    int usedInBook = u == null ? 0 : u.used.get(1, last + 1).cardinality();
    int left = last - usedInBook;
    throw new PadExhaustedException("pad book " + book.id() + " is exhausted: the telegram needs "
        + count + (count == 1 ? " sheet" : " consecutive sheets") + ", " + left + " of "
        + last + (left == 1 ? " sheet is" : " sheets are") + " left unused");
  }

  /** Checks that the sheets are unused, or throws. Records nothing. */
  void checkUnused(PadBook book, int first, int count) throws SheetReuseException {
    for (int s = first; s < first + count; s++) {
      book.sheet(s); // range check
      Instant at = usedAt(book.id(), s);
      if (at != null) {
        throw new SheetReuseException(book.id(), s, " (recorded " + at + ")");
      }
    }
  }

  void record(SheetRun run, Instant at) {
    for (int s = run.first(); s <= run.last(); s++) {
      add(new Entry(run.bookId(), s, at));
    }
  }

  /** Returns the book digest this ledger is bound to, or null if it is not bound yet. */
  String padDigest() {
    return padDigest;
  }

  /** Binds the ledger as its file records it, before any entry. */
  void bindAsRecorded(String bookId, String digest) {
    padId = bookId;
    padDigest = digest;
  }

  /** Returns the entries in the order they were recorded. */
  List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }
}
