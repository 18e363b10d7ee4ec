package org.shifrovka.sim.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.shifrovka.sim.core.JournalRecord;

/**
 * A {@link Journal} in a SQLite file, made durable by group commits on its own thread.
 *
 * <p>{@link #append} puts the record on a queue and returns. The writer thread takes everything
 * queued, encodes it, inserts it with one prepared statement in one transaction and commits; in
 * WAL mode with {@code synchronous=FULL} the commit returns only once the WAL is fsynced, so when
 * the listener hears {@code upTo} those rows survive a crash or power loss. Records that arrive
 * during a commit wait for the next one: one fsync covers them all, however many.
 */
final class SqliteJournal implements Journal {
  /** {@code PRAGMA application_id} of a journal ("SHFK"). */
  static final int APPLICATION_ID = 0x5348464B;
  /** The most records one transaction takes. */
  static final int MAX_BATCH = 8192;

  private final Connection connection;
  private final PreparedStatement insert;
  private final CommitListener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private ArrayList<JournalRecord> queue = new ArrayList<>();
  private ArrayList<JournalRecord> spare = new ArrayList<>();
  private final Thread writer;
  private long appended;
  private volatile long durable;
  private volatile long commits;
  private volatile IOException failure;
  private boolean closing;

  private SqliteJournal(Connection connection, CommitListener listener, long last)
      throws SQLException {
    this.connection = connection;
    this.listener = listener;
    this.insert = connection.prepareStatement(
        "INSERT INTO journal (lsn, kind, body) VALUES (?, ?, ?)");
    this.appended = last;
    this.durable = last;
    this.writer = new Thread(this::write, "journal-writer");
    writer.setDaemon(true);
  }

  static SqliteJournal open(Path file, String owner, CommitListener listener)
      throws IOException {
    Connection c = null;
    createOwnerOnly(file);
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        int app;
        boolean empty;
        try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
          app = rs.next() ? rs.getInt(1) : 0;
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
          empty = rs.next() && rs.getInt(1) == 0;
        }
        if (empty) {
          s.execute("PRAGMA application_id = " + APPLICATION_ID);
        } else if (app != APPLICATION_ID) {
          throw new IOException(file + " is not a station journal (application id " + app + ")");
        }
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("CREATE TABLE IF NOT EXISTS journal (lsn INTEGER PRIMARY KEY, kind INTEGER"
            + " NOT NULL, body BLOB NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS owner (name TEXT NOT NULL)");
      }
      long last;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT coalesce(max(lsn), 0) FROM journal")) {
        last = rs.next() ? rs.getLong(1) : 0;
      }
      checkOwner(c, file, owner, last);
      c.setAutoCommit(false);
      SqliteJournal j = new SqliteJournal(c, listener, last);
      j.writer.start();
      return j;
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // the open failed already
        }
      }
      throw new IOException("cannot open the journal " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // refused already
      }
      throw e;
    }
  }

  /** Creates the file readable and writable by its owner only (SQLite's -wal and -shm follow). */
  private static void createOwnerOnly(Path file) throws IOException {
    if (java.nio.file.Files.exists(file)) {
      return;
    }
    java.nio.file.attribute.FileAttribute<?>[] attrs =
        file.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new java.nio.file.attribute.FileAttribute<?>[] {
              java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                  java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))}
            : new java.nio.file.attribute.FileAttribute<?>[0];
    try {
      java.nio.file.Files.createFile(file, attrs);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // another opener created it first
    }
  }

  /**
   * Marks a new journal as {@code owner}'s, or checks that an old one is: a journal of another
   * station, or of other pad books, would number and reserve as if nothing had been sent.
   */
  private static void checkOwner(Connection c, Path file, String owner, long last)
      throws SQLException, IOException {
    String found = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM owner")) {
      if (rs.next()) {
        found = rs.getString(1);
      }
    }
    if (found == null) {
      if (last > 0) {
        throw new IOException(file + " has traffic but does not say whose journal it is");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO owner (name) VALUES (?)")) {
        p.setString(1, owner);
        p.executeUpdate();
      }
    } else if (!found.equals(owner)) {
      throw new IOException(file + " is the journal of " + found + ", not of " + owner);
    }
  }

  @Override
  public void append(long lsn, JournalRecord record) throws IOException {
    if (failure != null) {
      throw failure;
    }
    lock.lock();
    try {
      if (closing) {
        throw new IOException("journal: closed");
      }
      if (lsn != appended + 1) {
        throw new IOException("journal: record " + lsn + " after " + appended);
      }
      appended = lsn;
      queue.add(record);
      if (queue.size() == 1) {
        work.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<JournalRecord> records() throws IOException {
    List<JournalRecord> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT lsn, kind, body FROM journal ORDER BY lsn")) {
      long expect = 1;
      while (rs.next()) {
        if (rs.getLong(1) != expect++) {
          throw new IOException("journal: record " + (expect - 1) + " missing");
        }
        out.add(JournalCodec.decode(rs.getInt(2), rs.getBytes(3)));
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IOException("cannot read the journal: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public long durable() {
    return durable;
  }

  @Override
  public long commits() {
    return commits;
  }

  private void write() {
    while (true) {
      ArrayList<JournalRecord> batch;
      long first;
      lock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          work.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return;
        }
        batch = queue;
        queue = spare;
        first = appended - batch.size() + 1;
      } finally {
        lock.unlock();
      }
      try {
        long lsn = first;
        for (int i = 0; i < batch.size(); i++, lsn++) {
          JournalRecord r = batch.get(i);
          insert.setLong(1, lsn);
          insert.setInt(2, JournalCodec.kind(r));
          insert.setBytes(3, JournalCodec.encode(r));
          insert.addBatch();
          if ((i + 1) % MAX_BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
        connection.commit();
        commits++;
        durable = lsn - 1;
        listener.committed(lsn - 1);
      } catch (SQLException | RuntimeException e) {
        failure = new IOException("the journal failed: " + e.getMessage(), e);
        return;
      }
      batch.clear();
      spare = batch;
    }
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      insert.close();
      connection.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the journal: " + e.getMessage(), e);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
