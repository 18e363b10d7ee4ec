package org.shifrovka.sim.process.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.journal.Journal;

/**
 * A process station's journal file: locked for the life of the station ({@code JOURNAL.lock}), so
 * that a second process on the same journal (a double start, a restart while the old one still
 * drains) is refused instead of numbering serials the first one will also use; the SQLite {@link
 * Journal} in it, whose group commits are handed to the office as they complete.
 *
 * <h2>Thread safety</h2>
 *
 * {@link #append} on the office thread; {@link #close} once, after the office has stopped
 * appending.
 */
public final class JournalDriver implements AutoCloseable {
  private final Path file;
  private final FileChannel lock;
  private final Journal journal;

  private JournalDriver(Path file, FileChannel lock, Journal journal) {
    this.file = file;
    this.lock = lock;
    this.journal = journal;
  }

  /**
   * Locks and opens (or creates) the journal.
   *
   * @param file the journal file
   * @param owner whose journal it is ({@code "KUZNETSOV seed 1949"})
   * @param committed hears, on the journal's thread, up to which record it is durable
   * @return the open journal
   * @throws IOException if it is in use by another station, cannot be opened or is another's
   */
  public static JournalDriver open(Path file, String owner, Journal.CommitListener committed)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel lock = lock(file);
    try {
      return new JournalDriver(file, lock, Journal.sqlite(file, owner, committed));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static FileChannel lock(Path file) throws IOException {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      ch.close();
      throw new IOException(file + " is in use by another station (" + lockFile
          + " is locked)");
    }
    return ch;
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /**
   * Returns the durable records in order (before the first append).
   *
   * @throws IOException if they cannot be read
   */
  public List<JournalRecord> records() throws IOException {
    return journal.records();
  }

  /**
   * Appends a record, to be made durable by a coming group commit.
   *
   * @throws IllegalStateException if the journal has failed
   */
  public void append(long lsn, JournalRecord record) {
    try {
      journal.append(lsn, record);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Makes durable what was appended, closes the journal and releases the lock.
   *
   * @throws IOException if the journal failed or cannot be closed (the lock is released anyway)
   */
  @Override
  public void close() throws IOException {
    try {
      journal.close();
    } finally {
      lock.close();
    }
  }
}
