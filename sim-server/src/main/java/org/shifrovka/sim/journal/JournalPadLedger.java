package org.shifrovka.sim.journal;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadExhaustedException;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.SheetRun;

/**
 * The pad ledger kept in a station journal's {@code pad_sheets} table; see
 * {@link StationJournal#padLedger()}.
 *
 * <p>Each change reads the book's used sheets, checks, and inserts inside one {@code BEGIN
 * IMMEDIATE} transaction, committed with {@code synchronous=FULL} before the call returns; the
 * primary key {@code (book, sheet)} is a second guard against a sheet recorded twice.
 *
 * <p>The used sheets of a book are cached between changes, and read again whenever another
 * connection has committed to the file ({@code PRAGMA data_version} moved) or a transaction of this
 * journal was rolled back, so the cache never hides a sheet recorded elsewhere; without it each
 * reservation would read every used sheet of the book.
 */
final class JournalPadLedger implements PadLedger {
  private final StationJournal journal;
  private final Map<String, TreeMap<Integer, String>> cache = new HashMap<>();
  private long cachedDataVersion = -1;
  private long cachedRollbacks = -1;

  JournalPadLedger(StationJournal journal) {
    this.journal = journal;
  }

  @Override
  public SheetRun reserve(PadBook book, int count) throws PadExhaustedException, IOException {
    Objects.requireNonNull(book, "book");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    return journal.change(() -> {
      TreeMap<Integer, String> used = used(book.id());
      SheetRun run = findRun(book, count, used);
      record(run);
      return run;
    });
  }

  @Override
  public void claim(PadBook book, int first, int count) throws SheetReuseException, IOException {
    Objects.requireNonNull(book, "book");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    journal.<Void, SheetReuseException>change(() -> {
      TreeMap<Integer, String> used = used(book.id());
      for (int s = first; s < first + count; s++) {
        book.sheet(s); // range check
        String at = used.get(s);
        if (at != null) {
          throw new SheetReuseException(book.id(), s, " (recorded " + at + ")");
        }
      }
      record(new SheetRun(book.id(), first, count));
      return null;
    });
  }

  @Override
  public SortedSet<Integer> usedSheets(String bookId) throws IOException {
    Objects.requireNonNull(bookId, "bookId");
    return journal.read(() -> Collections.unmodifiableSortedSet(
        new TreeSet<>(load(bookId).keySet())));
  }

  private static SheetRun findRun(PadBook book, int count, TreeMap<Integer, String> used)
      throws PadExhaustedException {
    int free = 1; // the first sheet after the last used one seen
    for (int s : used.keySet()) {
      if (s - free >= count) {
        return new SheetRun(book.id(), free, count);
      }
      free = Math.max(free, s + 1);
    }
    if (book.sheetCount() - free + 1 >= count) {
      return new SheetRun(book.id(), free, count);
    }
    int left = book.sheetCount() - used.size();
    throw new PadExhaustedException("pad book " + book.id() + " is exhausted: the telegram needs "
        + count + (count == 1 ? " sheet" : " consecutive sheets") + ", " + left + " of "
        + book.sheetCount() + (left == 1 ? " sheet is" : " sheets are") + " left unused");
  }

  /** The used sheets of a book (cached; see the class comment). Call under the journal's lock. */
  private TreeMap<Integer, String> used(String bookId) throws SQLException {
    long version = journal.dataVersion();
    if (version != cachedDataVersion || journal.rollbacks() != cachedRollbacks) {
      cache.clear();
      cachedDataVersion = version;
      cachedRollbacks = journal.rollbacks();
    }
    TreeMap<Integer, String> cached = cache.get(bookId);
    if (cached == null) {
      cached = load(bookId);
      cache.put(bookId, cached);
    }
    return cached;
  }

  private TreeMap<Integer, String> load(String bookId) throws SQLException {
    TreeMap<Integer, String> used = new TreeMap<>();
    {
        PreparedStatement ps = journal.statement(
        "SELECT sheet, used_at FROM pad_sheets WHERE book = ?");
      ps.setString(1, bookId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          used.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return used;
  }

  private void record(SheetRun run) throws SQLException {
    String at = journal.clock().instant().toString();
    {
        PreparedStatement ps = journal.statement(
        "INSERT INTO pad_sheets (book, sheet, used_at) VALUES (?, ?, ?)");
      for (int s = run.first(); s <= run.last(); s++) {
        ps.setString(1, run.bookId());
        ps.setInt(2, s);
        ps.setString(3, at);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    TreeMap<Integer, String> cached = cache.get(run.bookId());
    if (cached != null) {
      for (int s = run.first(); s <= run.last(); s++) {
        cached.put(s, at);
      }
    }
  }

  @Override
  public String toString() {
    return "PadLedger[" + journal.file() + "]";
  }
}
