package org.shifrovka.sim.classroom;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadExhaustedException;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.SheetRun;
import org.shifrovka.pad.WrongPadException;

/**
 * The ledger of a careless clerk, for the classroom's "reuse a pad sheet" switch: it never strikes
 * out a used sheet, so every message is enciphered on the first sheets of the book again, and the
 * receiving station's indicator check raises the depth alarm. Never use it outside a lesson.
 */
final class ForgetfulLedger implements PadLedger {
  private final Clock clock;

  ForgetfulLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SheetRun reserve(PadBook book, int count) throws PadExhaustedException,
      WrongPadException, IOException {
    return PadLedger.inMemory(clock).reserve(book, count);
  }

  @Override
  public void claim(PadBook book, int first, int count) {
    // the careless clerk records nothing
  }

  @Override
  public SortedSet<Integer> usedSheets(String bookId) {
    return new TreeSet<>();
  }
}
