package org.shifrovka.sim.observe;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.shifrovka.internal.SafeText;

/**
 * A log of events that a hostile peer can make happen as often as it likes (refused connections,
 * bad frames): the first few of each interval are logged one line each, the rest are counted and
 * told in one summary line when the next interval begins, so that a flood of refusals cannot fill
 * the disk. Every argument is {@linkplain SafeText made safe}: a peer cannot forge a log line.
 * Thread-safe.
 */
public final class ThrottledLog {
  /** The defaults: five lines per ten seconds, then a summary. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  /** Lines logged one by one per interval before the rest are only counted. */
  public static final int DEFAULT_LINES = 5;

  private final Logger log;
  private final Level level;
  private final String what;
  private final long intervalNanos;
  private final int lines;
  private final LongSupplier nanoTime;

  private long intervalStart;
  private int logged;
  private final Map<String, Long> suppressed = new TreeMap<>();

  /**
   * Returns a throttled log.
   *
   * @param log where lines go
   * @param level their level
   * @param what the prefix of a summary line, e.g. {@code "KUZNETSOV: refused"}
   * @param interval how long an interval lasts
   * @param lines how many lines an interval logs one by one
   * @param nanoTime the time source, {@link System#nanoTime} outside tests
   */
  public ThrottledLog(Logger log, Level level, String what, Duration interval, int lines,
      LongSupplier nanoTime) {
    if (interval.isNegative() || interval.isZero() || lines < 0) {
      throw new IllegalArgumentException("interval must be positive and lines >= 0");
    }
    this.log = log;
    this.level = level;
    this.what = what;
    this.intervalNanos = interval.toNanos();
    this.lines = lines;
    this.nanoTime = nanoTime;
    this.intervalStart = nanoTime.getAsLong();
  }

  /** Returns a log with the default interval and lines, on the system's clock. */
  public static ThrottledLog of(Logger log, String what) {
    return new ThrottledLog(log, Level.WARNING, what, DEFAULT_INTERVAL, DEFAULT_LINES,
        System::nanoTime);
  }

  /**
   * Logs one event of kind {@code kind}, or counts it if this interval has logged its lines.
   *
   * @param format a {@link java.text.MessageFormat} pattern for the line
   * @param args its arguments; each is made safe with {@link SafeText#of(CharSequence, int)}
   */
  public void log(String kind, String format, Object... args) {
    String summary = null;
    boolean logThis;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (now - intervalStart >= intervalNanos) {
        summary = summaryLocked();
        intervalStart = now;
        logged = 0;
      }
      logThis = logged < lines;
      if (logThis) {
        logged++;
      } else {
        suppressed.merge(kind, 1L, Long::sum);
      }
    }
    if (summary != null) {
      log.log(level, summary);
    }
    if (logThis && log.isLoggable(level)) {
      Object[] safe = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        safe[i] = SafeText.of(String.valueOf(args[i]), 200);
      }
      log.log(level, format, safe);
    }
  }

  /** Logs the summary of what this interval did not log, if anything (e.g. at shutdown). */
  public void flush() {
    String summary;
    synchronized (this) {
      summary = summaryLocked();
    }
    if (summary != null) {
      log.log(level, summary);
    }
  }

  private String summaryLocked() {
    if (suppressed.isEmpty()) {
      return null;
    }
    long total = suppressed.values().stream().mapToLong(Long::longValue).sum();
    String s = what + " " + total + " more, not logged one by one: " + suppressed;
    suppressed.clear();
    return s;
  }
}
