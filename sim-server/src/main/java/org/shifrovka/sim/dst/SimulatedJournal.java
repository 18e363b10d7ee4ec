package org.shifrovka.sim.dst;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.sim.core.JournalRecord;

/**
 * A station's journal on a simulated disk: records are written at once and made durable by group
 * commits that take a random time; a commit covers every record written before it started. A
 * crash keeps the records up to the last completed commit and loses the rest.
 */
final class SimulatedJournal {
  private final List<JournalRecord> records = new ArrayList<>();
  private int durable;

  void write(long lsn, JournalRecord r) {
    if (lsn != records.size() + 1) {
      throw new IllegalStateException("journal: record " + lsn + " after " + records.size());
    }
    records.add(r);
  }

  int written() {
    return records.size();
  }

  int durable() {
    return durable;
  }

  void commit(int upTo) {
    durable = Math.max(durable, Math.min(upTo, records.size()));
  }

  /** The crash: records not yet committed are gone. */
  void crash() {
    records.subList(durable, records.size()).clear();
  }

  /** Returns the durable records, in the order written. */
  List<JournalRecord> durableRecords() {
    return List.copyOf(records.subList(0, durable));
  }

  /** Returns the durable record {@code i} (from 0). */
  JournalRecord get(int i) {
    return records.get(i);
  }
}
