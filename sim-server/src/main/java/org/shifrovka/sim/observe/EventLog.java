package org.shifrovka.sim.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.shifrovka.telegram.MoscowTime;

/**
 * The life of every telegram: one {@link Entry} per event (filed, sent, lost on the air, repeat
 * requested, receipt, registered, delivered, alarm...), kept in simulated-time order (all of them,
 * or only those the short timeline shows), optionally written as JSON lines with both simulated
 * and real time.
 *
 * <p>The entries hold simulated time only, so the {@link #timeline timeline} of two runs with one
 * seed is identical; the JSON lines add the real milliseconds since the run began.
 *
 * <h2>Thread safety</h2>
 *
 * Written on the simulation's executor only.
 */
public final class EventLog {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private final Instant epoch;
  private final Map<String, ZoneId> zones;
  private final Appendable jsonLines;
  private final long realStart;
  private final boolean frames;
  private final List<Entry> entries = new ArrayList<>();
  private final Consumer<Entry> listener;
  /** With {@link #summarisePast}: the most entries kept, and the last ones (after the first). */
  private int limit;
  private final ArrayDeque<Entry> tail = new ArrayDeque<>();
  private long kept;

  /**
   * Returns a log.
   *
   * @param epoch the simulated instant of time 0
   * @param zones each station's time zone, for local times
   * @param jsonLines where to write JSON lines, or null
   */
  public EventLog(Instant epoch, Map<String, ZoneId> zones, Appendable jsonLines) {
    this(epoch, zones, jsonLines, true);
  }

  /**
   * Returns a log that keeps, with {@code frames} false, only the events the short timeline
   * shows ({@link #timeline timeline(false)}): a run's log is most of what it holds in memory
   * while it runs, and the frames on the air (sent, repeat requests, repeats, receipts sent,
   * duplicates) are half of it. The JSON lines still get every event.
   *
   * @param epoch the simulated instant of time 0
   * @param zones each station's time zone, for local times
   * @param jsonLines where to write JSON lines, or null
   * @param frames whether to keep the frames on the air too, for {@code timeline(true)}
   */
  public EventLog(Instant epoch, Map<String, ZoneId> zones, Appendable jsonLines,
      boolean frames) {
    this(epoch, zones, jsonLines, frames, null);
  }

  /**
   * Returns a log that also hands every event, as it is recorded, to {@code listener} (on the
   * simulation's executor, in simulated-time order): the classroom page's live event stream.
   *
   * @param epoch the simulated instant of time 0
   * @param zones each station's time zone, for local times
   * @param jsonLines where to write JSON lines, or null
   * @param frames whether to keep the frames on the air too, for {@code timeline(true)}
   * @param listener called with every event, or null
   */
  public EventLog(Instant epoch, Map<String, ZoneId> zones, Appendable jsonLines,
      boolean frames, Consumer<Entry> listener) {
    this.listener = listener;
    this.frames = frames;
    this.epoch = epoch;
    this.zones = Map.copyOf(zones);
    this.jsonLines = jsonLines;
    this.realStart = System.nanoTime();
  }

  /**
   * One event.
   *
   * @param simNanos simulated time since the epoch
   * @param station where it happened
   * @param event what happened ({@code send}, {@code receipt}, ...)
   * @param peer the other station, or ""
   * @param reference the message's end-to-end reference, or ""
   * @param detail a short human-readable description
   */
  public record Entry(long simNanos, String station, String event, String peer, String reference,
      String detail) {}

  /**
   * Keeps the timeline short past {@code lines} entries, as the timeline of a large run must be:
   * then {@link #timeline} shows the first and the last quarter of them and a line that counts
   * those left out, and this log holds only those, not every entry of the run. Call before the
   * first event; 0 (the default) keeps every entry.
   *
   * @param lines the most entries shown whole, 0 or at least 4
   * @return this log
   */
  public EventLog summarisePast(int lines) {
    if (lines < 0 || lines > 0 && lines < 4 || kept > 0) {
      throw new IllegalArgumentException(kept > 0 ? "already recording"
          : "a timeline summary needs at least 4 lines, got " + lines);
    }
    this.limit = lines;
    return this;
  }

  private void keep(Entry e) {
    kept++;
    if (limit == 0 || entries.size() < limit / 4) {
      entries.add(e);
      return;
    }
    // the rest of what a summary may show in full: at most limit entries in all
    if (tail.size() == limit - limit / 4) {
      tail.poll();
    }
    tail.add(e);
  }

  /** Records an event. */
  public void add(long simNanos, String station, String event, String peer, String reference,
      String detail) {
    Entry entry = frames || shortTimelineShows(event) || listener != null
        ? new Entry(simNanos, station, event, peer, reference, detail) : null;
    if (frames || shortTimelineShows(event)) {
      keep(entry);
    }
    if (listener != null) {
      listener.accept(entry);
    }
    if (jsonLines != null) {
      try {
        jsonLines.append("{\"sim\":\"").append(epoch.plusNanos(simNanos).toString())
            .append("\",\"sim_ns\":").append(Long.toString(simNanos))
            .append(",\"real_ms\":").append(Long.toString((System.nanoTime() - realStart)
                / 1_000_000))
            .append(",\"station\":").append(quote(station))
            .append(",\"event\":").append(quote(event))
            .append(",\"peer\":").append(quote(peer))
            .append(",\"ref\":").append(quote(reference))
            .append(",\"detail\":").append(quote(detail)).append("}\n");
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  /** Whether the short timeline shows an event: all but the frames on the air. */
  private static boolean shortTimelineShows(String event) {
    return !(event.equals("send") || event.equals("request") || event.equals("repeat")
        || event.equals("receipt-sent") || event.equals("duplicate"));
  }

  /**
   * Returns the entries kept (all, or those the short timeline shows: see the constructor; past
   * {@link #summarisePast}'s size, the first and the last of them) in the order recorded
   * (simulated-time order).
   */
  public List<Entry> entries() {
    if (tail.isEmpty()) {
      return Collections.unmodifiableList(entries);
    }
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(summarised() ? List.copyOf(tail).subList(tail.size() - limit / 4, tail.size())
        : tail);
    return Collections.unmodifiableList(all);
  }

  /** Whether more entries came than {@link #summarisePast} shows whole. */
  private boolean summarised() {
    return limit > 0 && kept > limit;
  }

  /** Returns a JSON string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Formats a simulated time in a station's local time and in Moscow time, the two columns of
   * {@link MoscowTime#columns} that every timeline of shifrovka prints.
   */
  public String when(long simNanos, String station) {
    return MoscowTime.columns(epoch.plusNanos(simNanos), zones.getOrDefault(station, MOSCOW));
  }

  /** The heading line of {@link #timeline}'s columns. */
  public static final String TIMELINE_HEADING = MoscowTime.HEADING + "station    event        what";

  /**
   * Returns the text timeline (without {@link #TIMELINE_HEADING}): one line per event that matters to a reader, with local and Moscow
   * time; {@code verbose} adds every frame on the air.
   */
  public String timeline(boolean verbose) {
    if (verbose && !frames) {
      throw new IllegalStateException("this log was made without the frames on the air");
    }
    if (limit > 0 && frames && !verbose) {
      throw new IllegalStateException("a summarised log that keeps the frames shows them");
    }
    StringBuilder sb = new StringBuilder(entries.size() * 128); // a line is about 120 characters
    Line line = new Line(sb);
    for (Entry e : entries) {
      line.append(e, verbose);
    }
    int skip = summarised() ? tail.size() - limit / 4 : 0;
    if (skip > 0) {
      sb.append("... ").append(kept - entries.size() - limit / 4)
          .append(" more lines of timeline (").append(kept)
          .append(" in all; the whole timeline or the event log shows them) ...\n");
    }
    for (Entry e : tail) {
      if (skip-- <= 0) {
        line.append(e, verbose);
      }
    }
    return sb.toString();
  }

  /** Writes timeline lines, formatting the time once for the events of one moment and station. */
  private final class Line {
    private final StringBuilder sb;
    private long lastNanos = -1;
    private String lastStation;
    private String lastWhen;

    Line(StringBuilder sb) {
      this.sb = sb;
    }

    void append(Entry e, boolean verbose) {
      if (!verbose && !shortTimelineShows(e.event)) {
        return;
      }
      if (e.simNanos != lastNanos || !e.station.equals(lastStation)) {
        lastNanos = e.simNanos;
        lastStation = e.station;
        lastWhen = when(e.simNanos, e.station);
      }
      sb.append(lastWhen).append("  ");
      padded(sb, e.station, 10).append(' ');
      padded(sb, e.event, 12).append(' ').append(e.detail).append('\n');
    }
  }

  /** Appends {@code s} left-aligned in {@code width} columns, as {@code %-Ns} would. */
  private static StringBuilder padded(StringBuilder sb, String s, int width) {
    sb.append(s);
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb;
  }
}
