package org.shifrovka.telegram;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The one way shifrovka prints a moment of an event: the station's local date and time, then the
 * same moment in Moscow time, the time of the centre every 1949 document also gives ("00:35 local
 * time (19:35 Moscow)", reference 3.1). Every timeline (demo, explain, simulate) prints its times
 * through this class, so that all lines have the same two columns:
 *
 * <pre>
 * local time           Moscow
 * 1949-01-13 21:40:00  16:40:00  TEREBIN    filed ...
 * 1949-01-13 17:26:33  17:26:33  KUZNETSOV  registered ...
 * </pre>
 */
public final class MoscowTime {
  /** The heading of the two time columns, as wide as {@link #columns}. */
  public static final String HEADING = "local time           Moscow  ";

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private MoscowTime() {}

  /**
   * Returns the two time columns of a moment at a station: {@code 1949-01-13 21:40:00  16:40:00}.
   *
   * @param moment the moment
   * @param local the station's zone
   * @return the columns, always {@link #HEADING}'s width
   */
  public static String columns(Instant moment, ZoneId local) {
    Objects.requireNonNull(moment, "moment");
    Objects.requireNonNull(local, "local");
    return LOCAL.format(moment.atZone(local)) + "  " + TIME.format(moment.atZone(Station.MOSCOW));
  }

  /**
   * Returns a moment in words for a sentence: {@code 21:40 on 13 January 1949 local time (16:40
   * Moscow)}, or without the Moscow part when the station keeps Moscow time.
   *
   * @param moment the moment
   * @param local the station's zone
   * @return the words
   */
  public static String words(Instant moment, ZoneId local) {
    DateTimeFormatter words = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.ENGLISH);
    String s = words.format(moment.atZone(local));
    if (local.getRules().getOffset(moment).equals(Station.MOSCOW.getRules().getOffset(moment))) {
      return s + " Moscow time";
    }
    return s + " local time (" + DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
        .format(moment.atZone(Station.MOSCOW)) + " Moscow)";
  }
}
