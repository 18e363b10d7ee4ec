package org.shifrovka.sim.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.shifrovka.sim.core.JournalRecord;

/**
 * A station core's journal: records appended in order under sequence numbers 1, 2, 3, ..., made
 * durable by group commits that run beside the office (one commit covers every record appended
 * while the previous one was being made durable), and read back in order after a restart.
 *
 * <p>{@link #append} never waits for the disk; the {@link CommitListener} hears, in increasing
 * order, the sequence number up to which everything is durable. The station core holds back every
 * frame and delivery that depends on a record until then ({@link
 * org.shifrovka.sim.core.StationCore#committed}).
 *
 * <h2>Thread safety</h2>
 *
 * {@link #append} from one thread (the office's); the listener is called on the journal's own
 * thread for the SQLite journal and inside {@code append} for the in-memory one.
 */
public interface Journal extends AutoCloseable {
  /** Hears that the journal is durable up to a sequence number. */
  interface CommitListener {
    /**
     * Everything up to and including {@code upTo} is durable.
     *
     * @param upTo the sequence number
     */
    void committed(long upTo);
  }

  /**
   * Appends a record.
   *
   * @param lsn its sequence number: one more than the last appended or read back
   * @param record the record
   * @throws IOException if the journal has failed (then nothing more is made durable)
   */
  void append(long lsn, JournalRecord record) throws IOException;

  /**
   * Returns the durable records in order (call before the first append).
   *
   * @return the records
   * @throws IOException if they cannot be read
   */
  List<JournalRecord> records() throws IOException;

  /** Returns the sequence number up to which the journal is durable. */
  long durable();

  /** Returns how many group commits it has made. */
  long commits();

  /** Makes durable what was appended, then closes. */
  @Override
  void close() throws IOException;

  /** Returns a journal in memory, durable as soon as appended (the simulator's). */
  static Journal inMemory(CommitListener listener) {
    return new MemoryJournal(listener);
  }

  /**
   * Opens (or creates) a SQLite journal file: WAL with {@code synchronous=FULL}, one prepared
   * insert, one transaction per group commit.
   *
   * @param file the file
   * @param owner whose journal it is (a station and its seed, {@code "KUZNETSOV seed 1949"}):
   *     recorded in a new journal, checked against an old one
   * @param listener who hears of commits
   * @return the journal
   * @throws IOException if it cannot be opened, or is another owner's
   */
  static Journal sqlite(Path file, String owner, CommitListener listener) throws IOException {
    return SqliteJournal.open(file, owner, listener);
  }
}
