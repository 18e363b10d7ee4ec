package org.shifrovka.sim.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.sim.core.JournalRecord;

/** A {@link Journal} in memory: every record is durable as soon as it is appended. */
final class MemoryJournal implements Journal {
  private final CommitListener listener;
  private final List<JournalRecord> records = new ArrayList<>();

  MemoryJournal(CommitListener listener) {
    this.listener = listener;
  }

  @Override
  public void append(long lsn, JournalRecord record) throws IOException {
    if (lsn != records.size() + 1) {
      throw new IOException("journal: record " + lsn + " after " + records.size());
    }
    records.add(record);
    listener.committed(lsn);
  }

  @Override
  public List<JournalRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public long durable() {
    return records.size();
  }

  @Override
  public long commits() {
    return records.size();
  }

  @Override
  public void close() {}
}
