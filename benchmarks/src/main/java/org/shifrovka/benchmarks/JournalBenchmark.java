package org.shifrovka.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.journal.Journal;
import org.shifrovka.sim.journal.JournalCodec;

/**
 * <b>What it measures:</b> durable journal records per second on this machine's disk:
 * {@code journal} appends {@value #RECORDS} station-core records to the SQLite {@link Journal}
 * (group commit on its own thread, WAL, {@code synchronous=FULL}) and waits until the last is
 * durable; {@code rawSqlite}, the baseline in the same run, inserts the same rows (kind and the
 * same bytes, encoded beforehand) into the same table with plain sqlite-jdbc, a prepared
 * statement and one commit per {@code batch} rows, with the same pragmas. The records are the
 * mix of a relay's traffic: a filing of three 60-group telegrams, a registration with its
 * archival copy, a receipt's acknowledgement and a completed message forwarded as one telegram.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>The disk's cache: {@code synchronous=FULL} makes every commit wait for the WAL's fsync,
 *       in both; nothing is measured that the disk has not promised to keep.
 *   <li>File growth: each trial starts on an empty file in a fresh directory, and both methods
 *       grow their file in the same way over the iterations.
 *   <li>Encoding: the journal encodes each record on its writer thread, the baseline does not
 *       (its bytes are made in the setup), so the baseline is a ceiling, not a peer doing the same
 *       work.
 *   <li>Waiting: the benchmark thread waits on a monitor, not spinning, so the writer has the
 *       other core.
 * </ul>
 */
public class JournalBenchmark extends BenchmarkBase {
  static final int RECORDS = 4096;

  @Param({"512"})
  public int batch;

  Path dir;
  List<JournalRecord> records;
  int[] kinds;
  byte[][] bodies;
  Journal journal;
  long lsn;
  final Object monitor = new Object();
  volatile long durable;
  Connection raw;
  PreparedStatement rawInsert;
  long rawLsn;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    dir = Files.createTempDirectory("journal-bench");
    records = mix(RECORDS);
    kinds = new int[RECORDS];
    bodies = new byte[RECORDS][];
    for (int i = 0; i < RECORDS; i++) {
      kinds[i] = JournalCodec.kind(records.get(i));
      bodies[i] = JournalCodec.encode(records.get(i));
    }
    journal = Journal.sqlite(dir.resolve("journal.db"), "T seed 1", upTo -> {
      synchronized (monitor) {
        durable = upTo;
        monitor.notifyAll();
      }
    });
    raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw.db"));
    try (Statement s = raw.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=FULL");
      s.execute("CREATE TABLE journal (lsn INTEGER PRIMARY KEY, kind INTEGER NOT NULL,"
          + " body BLOB NOT NULL)");
    }
    raw.setAutoCommit(false);
    rawInsert = raw.prepareStatement("INSERT INTO journal (lsn, kind, body) VALUES (?, ?, ?)");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    journal.close();
    rawInsert.close();
    raw.close();
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  /** The station core's journal: append everything, then wait until it is durable. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long journal() throws IOException, InterruptedException {
    for (JournalRecord r : records) {
      journal.append(++lsn, r);
    }
    synchronized (monitor) {
      while (durable < lsn) {
        monitor.wait();
      }
    }
    return durable;
  }

  /** The baseline: the same rows, prepared insert, one commit per {@code batch} rows. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long rawSqlite() throws SQLException {
    for (int i = 0; i < RECORDS; i++) {
      rawInsert.setLong(1, ++rawLsn);
      rawInsert.setInt(2, kinds[i]);
      rawInsert.setBytes(3, bodies[i]);
      rawInsert.addBatch();
      if ((i + 1) % batch == 0 || i == RECORDS - 1) {
        rawInsert.executeBatch();
        raw.commit();
      }
    }
    return rawLsn;
  }

  static List<JournalRecord> mix(int n) {
    byte[] groups = new byte[60 * 5];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = (byte) ('0' + (i * 7) % 10);
    }
    StringBuilder copy = new StringBuilder("PART 1 OF 1\nNo. 15 TEREBIN 13.1\n");
    for (int i = 0; i < 40; i++) {
      copy.append("WORD").append(i).append(' ');
    }
    List<JournalRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RadiogramHeader h = new RadiogramHeader("FILIPPOV", "TEREBIN/" + (15 + i % 80000), false,
          15 + i % 80000, 60, 13, 1000, 1, i);
      JournalRecord.Sent sent = new JournalRecord.Sent("KUZNETSOV", h, groups);
      switch (i % 4) {
        case 0 -> out.add(new JournalRecord.Filed(h.reference(), "bench", List.of(sent, sent, sent)));
        case 1 -> out.add(new JournalRecord.Registered("TEREBIN", h.number(), 50450 + i, h,
            i % 100_000, copy.toString()));
        case 2 -> out.add(new JournalRecord.Acknowledged("KUZNETSOV", h.number()));
        default -> out.add(new JournalRecord.Completed("TEREBIN", h.reference(), h.number(),
            List.of(sent)));
      }
    }
    return out;
  }
}
