package org.shifrovka.sim.journal;

import java.nio.file.Path;
import java.time.Clock;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.SheetRun;

/**
 * A station that journals telegrams, registry numbers and pad sheets as fast as it can, printing
 * each one only after the journal has returned for it, until it is killed. Run by
 * {@link StationJournalCrashTest} in a child JVM.
 */
public final class JournalCrashChild {
  static final int SHEETS = 2000;

  private JournalCrashChild() {}

  /** The pad book the child reserves sheets from. */
  static PadBook book() {
    return PadGenerator.seededInsecure(7).generate("CRASH", SHEETS, 2);
  }

  /** Arguments: the journal file. */
  public static void main(String[] args) throws Exception {
    PadBook book = book();
    StationJournal journal = StationJournal.open(Path.of(args[0]), Clock.systemUTC());
    System.out.println("OPEN");
    System.out.flush();
    for (int serial = 1; serial <= SHEETS; serial++) {
      journal.journal(Telegrams.telegram(serial));
      System.out.println("TELEGRAM " + serial);
      System.out.println("REGISTRY " + journal.nextRegistryNumber("KUZNETSOV", 50450, 20).value());
      SheetRun run = journal.padLedger().reserve(book, 1);
      System.out.println("SHEET " + run.first());
      System.out.flush();
    }
  }
}
