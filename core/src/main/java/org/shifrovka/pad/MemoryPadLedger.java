package org.shifrovka.pad;

import java.time.Clock;
import java.util.Objects;
import java.util.SortedSet;

/** A ledger in memory; see {@link PadLedger#inMemory}. */
final class MemoryPadLedger implements PadLedger {
  private final Clock clock;
  private final LedgerState state = new LedgerState();

  MemoryPadLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized SheetRun reserve(PadBook book, int count) throws PadExhaustedException {
    SheetRun run = state.findRun(book, count);
    state.record(run, clock.instant());
    return run;
  }

  @Override
  public synchronized void claim(PadBook book, int first, int count) throws SheetReuseException {
    state.checkUnused(book, first, count);
    state.record(new SheetRun(book.id(), first, count), clock.instant());
  }

  @Override
  public synchronized SortedSet<Integer> usedSheets(String bookId) {
    return state.usedSheets(bookId);
  }

  @Override
  public String toString() {
    return "PadLedger[in memory]";
  }
}
