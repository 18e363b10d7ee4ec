package org.shifrovka.sim.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.RegistryNumber;
import org.sqlite.SQLiteConfig;

/**
 * A station's durable store-and-forward journal, its registers and its pad ledger, in one SQLite
 * file.
 *
 * <p>The protocol a station follows with it:
 *
 * <ol>
 *   <li>{@link #journal} a telegram that arrived, <em>then</em> send the receipt. Once
 *       {@code journal} has returned, the telegram is on disk (fsynced) and survives a crash of the
 *       process or of the machine; a second arrival of the same {@code (origin, serial)} returns
 *       the first entry with {@link JournalEntry#duplicate()} set, so it is receipted again but
 *       forwarded once.
 *   <li>{@link #markForwarded} each time it is handed to the next station;
 *       {@link #markAcknowledged} when that station's receipt arrives.
 *   <li>After a restart, resend {@link #unacknowledged()}, in arrival order.
 * </ol>
 *
 * <h2>Durability</h2>
 *
 * The database runs in WAL mode with {@code synchronous=FULL}: every committed change forces the
 * write-ahead log to disk before the call returns, so that a receipt is never sent for a telegram a
 * power cut could take back. ({@code NORMAL} would survive a process crash but not a power cut,
 * and telegraph traffic is far too slow for the fsync per change to matter.) Every change runs in
 * a {@code BEGIN IMMEDIATE} transaction, so journals opened on one file by several instances or
 * processes exclude each other; a writer waits up to {@link #BUSY_TIMEOUT_MILLIS} for the lock.
 *
 * <h2>Thread safety</h2>
 *
 * Safe for concurrent use: the methods of one instance are serialized on it, and instances on one
 * file are serialized by SQLite's lock. The methods block on disk I/O, so never call them on a
 * Netty event loop.
 */
public final class StationJournal implements AutoCloseable {
  /** How long a change waits for another writer's lock before it fails. */
  public static final int BUSY_TIMEOUT_MILLIS = 10_000;

  /** {@code PRAGMA application_id}: marks a SQLite file as a station journal ("SHFJ"). */
  static final int APPLICATION_ID = 0x5348464A;
  static final int SCHEMA_VERSION = 1;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS telegrams ("
        + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " origin TEXT NOT NULL,"
        + " serial INTEGER NOT NULL,"
        + " addressee TEXT NOT NULL,"
        + " radiogram TEXT NOT NULL,"
        + " state TEXT NOT NULL CHECK (state IN ('PENDING', 'FORWARDED', 'ACKNOWLEDGED')),"
        + " journaled_at TEXT NOT NULL,"
        + " forward_count INTEGER NOT NULL DEFAULT 0,"
        + " forwarded_at TEXT,"
        + " acknowledged_at TEXT,"
        + " reference TEXT NOT NULL,"
        + " part INTEGER NOT NULL DEFAULT 1,"
        + " parts INTEGER NOT NULL DEFAULT 1,"
        + " registry INTEGER,"
        + " registry_width INTEGER,"
        + " indicator TEXT,"
        + " UNIQUE (origin, serial))",
    "CREATE INDEX IF NOT EXISTS telegrams_by_indicator ON telegrams (origin, indicator)",
    "CREATE INDEX IF NOT EXISTS telegrams_by_reference ON telegrams (reference, origin)",
    "CREATE INDEX IF NOT EXISTS telegrams_unacknowledged ON telegrams (seq)"
        + " WHERE state <> 'ACKNOWLEDGED'",
    "CREATE TABLE IF NOT EXISTS registers ("
        + " office TEXT PRIMARY KEY,"
        + " base INTEGER NOT NULL,"
        + " step INTEGER NOT NULL,"
        + " next INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS pad_sheets ("
        + " book TEXT NOT NULL,"
        + " sheet INTEGER NOT NULL,"
        + " used_at TEXT NOT NULL,"
        + " PRIMARY KEY (book, sheet)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS filings ("
        + " source TEXT PRIMARY KEY,"
        + " reference TEXT NOT NULL,"
        + " filed_at TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS deliveries ("
        + " reference TEXT PRIMARY KEY,"
        + " origin TEXT NOT NULL,"
        + " registry_numbers TEXT NOT NULL,"
        + " delivered_at TEXT NOT NULL,"
        + " text TEXT NOT NULL DEFAULT '',"
        + " reported INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS meta ("
        + " key TEXT PRIMARY KEY,"
        + " value TEXT NOT NULL) WITHOUT ROWID",
  };

  private static final String COLUMNS = "seq, origin, serial, addressee, radiogram, state,"
      + " journaled_at, forward_count, forwarded_at, acknowledged_at, reference, part, parts,"
      + " registry, registry_width";

  private final Path file;
  private final Clock clock;
  private final Connection connection;
  private final JournalPadLedger padLedger;
  private boolean closed;
  private boolean inTransaction;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private long rollbacks;

  private StationJournal(Path file, Clock clock, Connection connection) {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
    this.padLedger = new JournalPadLedger(this);
  }

  /**
   * Opens a station's journal, creating the file (owner-only) and its tables if needed.
   *
   * @param file the journal file, one per station
   * @param clock gives the times recorded with each change
   * @throws IOException if the file cannot be opened, is not a station journal, or comes from a
   *     newer schema
   */
  public static StationJournal open(Path file, Clock clock) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    Path abs = file.toAbsolutePath().normalize();
    createOwnerOnly(abs);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + abs);
      StationJournal journal = new StationJournal(abs, clock, c);
      journal.prepareSchema();
      return journal;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IOException("cannot open the station journal " + abs + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    FileAttribute<?>[] attrs = file.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    try {
      Files.createFile(file, attrs); // SQLite gives the -wal and -shm files the same permissions
    } catch (FileAlreadyExistsException e) {
      // another instance created it first
    }
  }

  private void prepareSchema() throws SQLException, IOException {
    inTransaction(() -> {
      try (Statement s = connection.createStatement()) {
        int app = intPragma(s, "application_id");
        int version = intPragma(s, "user_version");
        boolean empty;
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
          empty = rs.next() && rs.getInt(1) == 0;
        }
        if (empty) {
          s.execute("PRAGMA application_id = " + APPLICATION_ID);
          s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        } else if (app != APPLICATION_ID) {
          throw new IOException(file + " is not a station journal (application id " + app + ")");
        } else if (version > SCHEMA_VERSION) {
          throw new IOException(file + " is a station journal of schema " + version
              + "; this version reads schema " + SCHEMA_VERSION + " only");
        }
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      return null;
    });
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Returns the journal file. */
  public Path file() {
    return file;
  }

  /**
   * Journals a telegram that arrived; call it before sending the receipt.
   *
   * <p>If a telegram with the same {@code (origin, serial)} is already journaled, nothing changes
   * and the existing entry is returned with {@link JournalEntry#duplicate()} true (its record is
   * the first copy's, even if this copy reads differently).
   *
   * @return the entry, PENDING if it is new
   * @throws IOException if it cannot be recorded; then nothing was recorded and no receipt may be
   *     sent
   */
  public synchronized JournalEntry journal(TelegramRecord record) throws IOException {
    Objects.requireNonNull(record, "record");
    return change(() -> {
      if (sequenceOf(record.origin(), record.serial()) > 0) {
        return withDuplicate(find(record.origin(), record.serial()).orElseThrow());
      }
      Instant now = clock.instant();
      {
        PreparedStatement ps = statement("INSERT INTO telegrams"
          + " (origin, serial, addressee, radiogram, state, journaled_at, reference, part, parts,"
          + " indicator) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)");
        ps.setString(1, record.origin());
        ps.setInt(2, record.serial());
        ps.setString(3, record.addressee());
        ps.setString(4, record.radiogram().render());
        ps.setString(5, now.toString());
        ps.setString(6, record.reference());
        ps.setInt(7, record.part());
        ps.setInt(8, record.parts());
        List<String> groups = record.radiogram().groups();
        ps.setString(9, groups.isEmpty() ? null : groups.get(0));
        ps.executeUpdate();
      }
      return new JournalEntry(sequenceOf(record.origin(), record.serial()), record,
          TelegramState.PENDING, now, 0, Optional.empty(), Optional.empty(), Optional.empty(),
          false);
    });
  }

  /**
   * Returns the serials of the other telegrams from {@code origin} whose first group, the pad
   * indicator, is {@code indicator}: not empty means a pad sheet was used twice (depth).
   */
  public synchronized List<Integer> sharingIndicator(String origin, int serial, String indicator)
      throws IOException {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(indicator, "indicator");
    return read(() -> {
      PreparedStatement ps = statement("SELECT serial FROM telegrams WHERE origin = ?"
          + " AND indicator = ? AND serial <> ? ORDER BY serial");
      ps.setString(1, origin);
      ps.setString(2, indicator);
      ps.setInt(3, serial);
      List<Integer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
      return out;
    });
  }

  /** The arrival sequence of a journaled telegram, or 0. */
  private long sequenceOf(String origin, int serial) throws SQLException {
    PreparedStatement ps = statement("SELECT seq FROM telegrams WHERE origin = ? AND serial = ?");
    ps.setString(1, origin);
    ps.setInt(2, serial);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static JournalEntry withDuplicate(JournalEntry e) {
    return new JournalEntry(e.sequence(), e.record(), e.state(), e.journaledAt(), e.forwardCount(),
        e.lastForwardedAt(), e.acknowledgedAt(), e.registryNumber(), true);
  }

  /**
   * Records that the telegram was handed to the next station (again). An acknowledged telegram
   * stays acknowledged.
   *
   * @return the entry after the change
   * @throws UnknownTelegramException if no such telegram is journaled
   */
  public synchronized JournalEntry markForwarded(String origin, int serial)
      throws UnknownTelegramException, IOException {
    return mark(origin, serial, "UPDATE telegrams SET"
        + " state = CASE state WHEN 'ACKNOWLEDGED' THEN state ELSE 'FORWARDED' END,"
        + " forward_count = forward_count + 1, forwarded_at = ?"
        + " WHERE origin = ? AND serial = ?");
  }

  /**
   * Records that the next station receipted the telegram. A second receipt changes nothing (radio
   * receipts are repeated); a receipt for a telegram never marked forwarded is accepted too (it
   * was forwarded just before a crash that lost the mark).
   *
   * @return the entry after the change
   * @throws UnknownTelegramException if no such telegram is journaled
   */
  public synchronized JournalEntry markAcknowledged(String origin, int serial)
      throws UnknownTelegramException, IOException {
    return mark(origin, serial, "UPDATE telegrams SET state = 'ACKNOWLEDGED', acknowledged_at = ?"
        + " WHERE origin = ? AND serial = ? AND state <> 'ACKNOWLEDGED'");
  }

  private JournalEntry mark(String origin, int serial, String update)
      throws UnknownTelegramException, IOException {
    Objects.requireNonNull(origin, "origin");
    Optional<JournalEntry> after = change(() -> {
      {
        PreparedStatement ps = statement(update);
        ps.setString(1, clock.instant().toString());
        ps.setString(2, origin);
        ps.setInt(3, serial);
        ps.executeUpdate();
      }
      return find(origin, serial);
    });
    return after.orElseThrow(() -> new UnknownTelegramException(origin, serial));
  }

  /**
   * Returns the telegram {@code serial} of {@code origin}, if journaled.
   *
   * @throws IOException if the journal cannot be read
   */
  public synchronized Optional<JournalEntry> entry(String origin, int serial) throws IOException {
    Objects.requireNonNull(origin, "origin");
    return read(() -> find(origin, serial));
  }

  /**
   * Returns every telegram not yet acknowledged (PENDING and FORWARDED), in arrival order: what to
   * resend after a restart.
   *
   * @throws IOException if the journal cannot be read
   */
  public synchronized List<JournalEntry> unacknowledged() throws IOException {
    return select(" WHERE state <> 'ACKNOWLEDGED' ORDER BY seq");
  }

  /**
   * Returns the next registry number of {@code office}'s register and advances it, durably: once
   * returned, a number is never returned again, also not after a crash or restart. The first call
   * for an office creates its register at {@code base}.
   *
   * @param office the register's owner, for example the station name
   * @param base the first number, at least 0
   * @param step the distance between numbers, at least 1
   * @throws IllegalArgumentException if the register exists with another base or step
   * @throws IllegalStateException if the register has run past the largest int
   * @throws IOException if the advance cannot be recorded; then no number was issued
   */
  public RegistryNumber nextRegistryNumber(String office, int base, int step) throws IOException {
    return nextRegistryNumber(office, base, step, 1);
  }

  /**
   * Like {@link #nextRegistryNumber(String, int, int)}, written with at least {@code width} digits
   * (for example {@code 0100} with width 4).
   */
  public synchronized RegistryNumber nextRegistryNumber(String office, int base, int step,
      int width) throws IOException {
    Objects.requireNonNull(office, "office");
    if (base < 0 || step < 1) {
      throw new IllegalArgumentException("register base must be >= 0 and step >= 1, got " + base
          + " and " + step);
    }
    new RegistryNumber(base, width); // validates the width
    long issued = change(() -> {
      long next;
      {
        PreparedStatement ps = statement(
          "SELECT base, step, next FROM registers WHERE office = ?");
        ps.setString(1, office);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            if (rs.getInt(1) != base || rs.getInt(2) != step) {
              throw new IllegalArgumentException("the register of " + office + " has base "
                  + rs.getInt(1) + " and step " + rs.getInt(2) + ", not " + base + " and " + step);
            }
            next = rs.getLong(3);
          } else {
            next = base;
          }
        }
      }
      if (next > Integer.MAX_VALUE) {
        throw new IllegalStateException("the register of " + office + " is full");
      }
      {
        PreparedStatement ps = statement("INSERT INTO registers"
          + " (office, base, step, next) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (office) DO UPDATE SET next = excluded.next");
        ps.setString(1, office);
        ps.setInt(2, base);
        ps.setInt(3, step);
        ps.setLong(4, next + step);
        ps.executeUpdate();
      }
      return next;
    });
    return new RegistryNumber((int) issued, width);
  }

  /**
   * Work for {@link #batch}: calls of this journal (and its pad ledger) that commit together.
   *
   * @param <T> the result
   * @param <X> a checked exception the work may throw
   */
  @FunctionalInterface
  public interface Batch<T, X extends Exception> {
    /** Runs the work. */
    T run() throws IOException, X;
  }

  /**
   * Runs {@code work} as one transaction: every change it makes through this journal or its
   * {@link #padLedger()} is committed (fsynced) together before {@code batch} returns, or none is.
   * Use it to group the arrivals or receipts that came together (one fsync for all of them), and to
   * make a telegram's journal entry and its registry number one step. Act on what the work
   * returned (send receipts, write frames) only after {@code batch} has returned.
   *
   * @throws IOException if the batch cannot be committed; then nothing in it was recorded
   */
  public synchronized <T, X extends Exception> T batch(Batch<T, X> work) throws IOException, X {
    Objects.requireNonNull(work, "work");
    return change(work::run);
  }

  /**
   * Runs {@code work} so that, inside a {@link #batch}, it can fail alone: its changes are rolled
   * back to where it began (an SQL savepoint) and the exception passes on, while the batch goes on
   * and commits the rest. Outside a batch it is a transaction of its own, like {@code batch}.
   */
  public synchronized <T, X extends Exception> T savepoint(Batch<T, X> work)
      throws IOException, X {
    Objects.requireNonNull(work, "work");
    if (!inTransaction) {
      return batch(work);
    }
    try (Statement st = connection.createStatement()) {
      st.execute("SAVEPOINT item");
      boolean released = false;
      try {
        T result = work.run();
        st.execute("RELEASE item");
        released = true;
        return result;
      } finally {
        if (!released) {
          rollbacks++; // the pad ledger's cache may hold sheets of the rolled-back item
          st.execute("ROLLBACK TO item");
          st.execute("RELEASE item");
        }
      }
    } catch (SQLException e) {
      throw new IOException("station journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Enters a journaled telegram under the office's next registry number, once: if it already has
   * one, that number is returned and the register does not move. Use it in the same {@link #batch}
   * as {@link #journal}, so a telegram is never journaled without its number (and a number is never
   * spent on a telegram that was not journaled).
   *
   * @param office the register's owner; see {@link #nextRegistryNumber(String, int, int, int)}
   * @throws UnknownTelegramException if no such telegram is journaled
   */
  public synchronized RegistryNumber register(String origin, int serial, String office, int base,
      int step, int width) throws UnknownTelegramException, IOException {
    Objects.requireNonNull(origin, "origin");
    return this.<RegistryNumber, UnknownTelegramException>change(() -> {
      {
        PreparedStatement ps = statement("SELECT registry, registry_width FROM telegrams"
            + " WHERE origin = ? AND serial = ?");
        ps.setString(1, origin);
        ps.setInt(2, serial);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new UnknownTelegramException(origin, serial);
          }
          long value = rs.getLong(1);
          if (!rs.wasNull()) {
            return new RegistryNumber((int) value, rs.getInt(2));
          }
        }
      }
      RegistryNumber reg = nextRegistryNumber(office, base, step, width);
      {
        PreparedStatement ps = statement("UPDATE telegrams SET registry = ?,"
          + " registry_width = ? WHERE origin = ? AND serial = ?");
        ps.setInt(1, reg.value());
        ps.setInt(2, reg.width());
        ps.setString(3, origin);
        ps.setInt(4, serial);
        ps.executeUpdate();
      }
      return reg;
    });
  }

  /**
   * Returns every telegram from {@code origin} that carries a part of the message
   * {@code reference}, in arrival order.
   */
  public synchronized List<JournalEntry> parts(String origin, String reference)
      throws IOException {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reference, "reference");
    return select(" WHERE origin = ? AND reference = ? ORDER BY seq", origin, reference);
  }

  /** Returns every telegram in {@code state}, in arrival order. */
  public synchronized List<JournalEntry> inState(TelegramState state) throws IOException {
    Objects.requireNonNull(state, "state");
    return select(" WHERE state = ? ORDER BY seq", state.name());
  }

  /**
   * Returns the largest serial journaled for {@code origin} (for a station's own telegrams: the
   * last serial it gave), or -1 if there is none.
   */
  public synchronized int lastSerial(String origin) throws IOException {
    Objects.requireNonNull(origin, "origin");
    return read(() -> {
      {
        PreparedStatement ps = statement(
          "SELECT max(serial) FROM telegrams WHERE origin = ?");
        ps.setString(1, origin);
        try (ResultSet rs = ps.executeQuery()) {
          int max = rs.next() ? rs.getInt(1) : -1;
          return rs.wasNull() ? -1 : max;
        }
      }
    });
  }

  /**
   * Marks the telegrams that came in carrying {@code reference} (from any station but
   * {@code self}) acknowledged once every telegram {@code self} sent on with that reference has
   * been acknowledged: the relay's part of the message is then done.
   *
   * @return how many telegrams were marked
   */
  public synchronized int settle(String self, String reference) throws IOException {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(reference, "reference");
    return change(() -> {
      {
        PreparedStatement ps = statement("UPDATE telegrams SET"
          + " state = 'ACKNOWLEDGED', acknowledged_at = ?"
          + " WHERE reference = ? AND origin <> ? AND state = 'FORWARDED' AND NOT EXISTS"
          + " (SELECT 1 FROM telegrams WHERE origin = ? AND reference = ?"
          + " AND state <> 'ACKNOWLEDGED')");
        ps.setString(1, clock.instant().toString());
        ps.setString(2, reference);
        ps.setString(3, self);
        ps.setString(4, self);
        ps.setString(5, reference);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Records that the message from {@code source} (for example {@code messages.txt:17}) was filed
   * as {@code reference}; returns false, recording nothing, if that source was filed before. Put
   * it in the {@link #batch} that journals the message's telegrams, so a message is filed once.
   */
  public synchronized boolean recordFiling(String source, String reference) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reference, "reference");
    return change(() -> {
      {
        PreparedStatement ps = statement("INSERT INTO filings"
          + " (source, reference, filed_at) VALUES (?, ?, ?) ON CONFLICT (source) DO NOTHING");
        ps.setString(1, source);
        ps.setString(2, reference);
        ps.setString(3, clock.instant().toString());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Returns the reference {@code source} was filed as, if it was. */
  public synchronized Optional<String> filing(String source) throws IOException {
    Objects.requireNonNull(source, "source");
    return text("SELECT reference FROM filings WHERE source = ?", source);
  }

  /**
   * A message delivered here whose report (for example a line on standard output) has not been
   * confirmed; see {@link #unreportedDeliveries()}.
   *
   * @param reference the message's reference
   * @param origin the station it came from on the last hop
   * @param registryNumbers the numbers it was entered under, space-separated
   * @param text the delivered text
   */
  public record Delivery(String reference, String origin, String registryNumbers, String text) {}

  /**
   * Records that the message {@code reference} was delivered to its addressee, entered under
   * {@code registryNumbers}, with its text; returns false, recording nothing, if it was delivered
   * before. The delivery counts as unreported until {@link #markReported}: so the addressee's
   * archive holds the decrypt (as the real registry did), and a report lost in a crash between the
   * commit and the report is made again after the restart.
   */
  public synchronized boolean recordDelivery(String reference, String origin,
      List<RegistryNumber> registryNumbers, String text) throws IOException {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(text, "text");
    StringBuilder regs = new StringBuilder();
    for (RegistryNumber r : registryNumbers) {
      regs.append(regs.length() == 0 ? "" : " ").append(r);
    }
    return change(() -> {
      PreparedStatement ps = statement("INSERT INTO deliveries"
          + " (reference, origin, registry_numbers, delivered_at, text) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (reference) DO NOTHING");
      ps.setString(1, reference);
      ps.setString(2, origin);
      ps.setString(3, regs.toString());
      ps.setString(4, clock.instant().toString());
      ps.setString(5, text);
      return ps.executeUpdate() == 1;
    });
  }

  /** Records that the deliveries of {@code references} have been reported. */
  public synchronized void markReported(Collection<String> references) throws IOException {
    Objects.requireNonNull(references, "references");
    change(() -> {
      PreparedStatement ps = statement("UPDATE deliveries SET reported = 1 WHERE reference = ?");
      for (String r : references) {
        ps.setString(1, r);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Returns the deliveries not yet marked reported, in the order they were recorded. */
  public synchronized List<Delivery> unreportedDeliveries() throws IOException {
    return read(() -> {
      PreparedStatement ps = statement("SELECT reference, origin, registry_numbers, text"
          + " FROM deliveries WHERE reported = 0 ORDER BY delivered_at, reference");
      List<Delivery> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4)));
        }
      }
      return out;
    });
  }

  /**
   * Returns what this journal says of itself under {@code key} (for example which station it
   * belongs to), if anything.
   */
  public synchronized Optional<String> meta(String key) throws IOException {
    Objects.requireNonNull(key, "key");
    return text("SELECT value FROM meta WHERE key = ?", key);
  }

  /** Runs a query of one text column with one text parameter: its first row's value, if any. */
  private Optional<String> text(String sql, String parameter) throws IOException {
    return read(() -> {
      PreparedStatement ps = statement(sql);
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    });
  }

  /** Records {@code value} under {@code key}, replacing what was there. */
  public synchronized void putMeta(String key, String value) throws IOException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    change(() -> {
      PreparedStatement ps = statement("INSERT INTO meta (key, value) VALUES (?, ?)"
          + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
      return null;
    });
  }

  /** Returns how many messages were delivered here. */
  public synchronized long deliveries() throws IOException {
    return read(() -> {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM deliveries")) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  private List<JournalEntry> select(String where, Object... args) throws IOException {
    return read(() -> {
      List<JournalEntry> out = new ArrayList<>();
      {
        PreparedStatement ps = statement("SELECT " + COLUMNS
          + " FROM telegrams" + where);
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entryAt(rs));
          }
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  /**
   * Returns the pad ledger kept in this journal: a durable {@link PadLedger} whose reservations are
   * committed (fsynced) before {@code reserve} or {@code claim} returns, and which journals on the
   * same file share. It is usable as long as this journal is open.
   */
  public PadLedger padLedger() {
    return padLedger;
  }

  /**
   * Closes the journal. Everything {@link #journal} returned for is already on disk; closing only
   * checkpoints the write-ahead log. Further calls fail with {@link IllegalStateException}.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new IOException("cannot close the station journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "StationJournal[" + file + "]";
  }

  // ---- plumbing, shared with JournalPadLedger ----

  /** A unit of work on the connection. */
  interface Work<T, X extends Exception> {
    T run() throws SQLException, IOException, X;
  }

  Connection connection() {
    return connection;
  }

  /**
   * Returns the prepared statement of {@code sql}, prepared once and kept until the journal
   * closes (preparing is a good part of a small statement's cost); its parameters are cleared.
   * Do not close it.
   */
  synchronized PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  Clock clock() {
    return clock;
  }

  /** How many transactions of this instance were rolled back. */
  synchronized long rollbacks() {
    return rollbacks;
  }

  /** {@code PRAGMA data_version}: moves when another connection commits to the file. */
  synchronized long dataVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction, committed before returning. */
  synchronized <T, X extends Exception> T change(Work<T, X> work) throws IOException, X {
    try {
      return inTransaction(work);
    } catch (SQLException e) {
      throw new IOException("station journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} outside an explicit transaction (one consistent read per statement). */
  synchronized <T, X extends Exception> T read(Work<T, X> work) throws IOException, X {
    checkOpen();
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IOException("station journal " + file + ": " + e.getMessage(), e);
    }
  }

  private <T, X extends Exception> T inTransaction(Work<T, X> work)
      throws SQLException, IOException, X {
    checkOpen();
    if (inTransaction) {
      return work.run(); // part of the enclosing batch
    }
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      inTransaction = true;
      boolean committed = false;
      try {
        T result = work.run();
        s.execute("COMMIT");
        committed = true;
        return result;
      } finally {
        inTransaction = false;
        if (!committed) {
          rollbacks++;
          try {
            s.execute("ROLLBACK");
          } catch (SQLException e) {
            // the transaction may already be gone (for example after a failed COMMIT)
          }
        }
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the station journal " + file + " is closed");
    }
  }

  private Optional<JournalEntry> find(String origin, int serial) throws SQLException, IOException {
    {
        PreparedStatement ps = statement("SELECT " + COLUMNS
        + " FROM telegrams WHERE origin = ? AND serial = ?");
      ps.setString(1, origin);
      ps.setInt(2, serial);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(entryAt(rs)) : Optional.empty();
      }
    }
  }

  private JournalEntry entryAt(ResultSet rs) throws SQLException, IOException {
    long seq = rs.getLong(1);
    Radiogram radiogram;
    try {
      radiogram = Radiogram.parse(rs.getString(5), file + " telegram #" + seq);
    } catch (MalformedInputException e) {
      throw new IOException("the station journal is damaged: " + e.getMessage(), e);
    }
    TelegramRecord record = new TelegramRecord(rs.getString(2), rs.getInt(3), rs.getString(4),
        radiogram, rs.getString(11), rs.getInt(12), rs.getInt(13));
    long registry = rs.getLong(14);
    Optional<RegistryNumber> reg = rs.wasNull() ? Optional.empty()
        : Optional.of(new RegistryNumber((int) registry, rs.getInt(15)));
    return new JournalEntry(seq, record, TelegramState.valueOf(rs.getString(6)),
        Instant.parse(rs.getString(7)), rs.getInt(8), instant(rs.getString(9)),
        instant(rs.getString(10)), reg, false);
  }

  private static Optional<Instant> instant(String s) {
    return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // already failing
      }
    }
  }
}
