package org.shifrovka.sim.journal;

import java.nio.file.Path;
import java.util.List;
import org.shifrovka.sim.core.JournalRecord;

/**
 * Appends records to a SQLite journal as fast as it can and prints {@code DURABLE n} each time the
 * journal reports everything up to {@code n} durable, until it is killed. Run by
 * {@link JournalCrashTest} in a child JVM.
 */
public final class JournalCrashChild {
  static final int RECORDS = 200_000;

  private JournalCrashChild() {}

  /** Arguments: the journal file. */
  public static void main(String[] args) throws Exception {
    List<JournalRecord> records = JournalTest.sample(RECORDS);
    Journal journal = Journal.sqlite(Path.of(args[0]), "CRASH seed 7", upTo -> {
      System.out.println("DURABLE " + upTo);
      System.out.flush();
    });
    for (int i = 0; i < RECORDS; i++) {
      journal.append(i + 1, records.get(i));
      if (i % 64 == 63) {
        Thread.sleep(1); // let several commits happen before the kill
      }
    }
    Thread.sleep(60_000);
  }
}
